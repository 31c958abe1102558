//! A Terraform module: the declarations of every `.tf` file of one directory.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_source::{FileId, Span, TextRange};
use coglint_syntax::hcl_edit::expr::Expression;
use coglint_syntax::hcl_edit::structure::{Block, Body};
use coglint_syntax::hcl_edit::template::StringTemplate;
use coglint_syntax::hcl_edit::Span as _;
use coglint_syntax::{DuplicateKey, HclFile, Limits, Node, NodeKind, SyntaxError};

use super::skim::PolicyUse;

/// A parsed `.tf`, `.tf.json` or `.tfvars` file.
#[derive(Debug)]
pub struct TfFile {
    pub id: FileId,
    pub path: PathBuf,
    pub text: Arc<str>,
    /// The HCL body (empty for a `.tf.json` file).
    pub body: Body,
    /// A `.tf.json` file's tree.
    pub json: Option<JsonModule>,
    /// Keys written twice in a type constraint, which Terraform 1.6 and later refuse (the
    /// tree keeps the last, as earlier versions do).
    pub type_duplicates: Vec<DuplicateKey>,
    /// The resources whose blocks were left out of `body`, by type and name: of types the
    /// model does not read, they are only named by references.
    pub other_resources: Vec<(String, String)>,
    /// The local module calls, found when the file was read for them alone: its tree is then
    /// dropped at once (see [`TfFile::keep_calls_only`]).
    kept_calls: Option<Vec<LocalCall>>,
}

impl TfFile {
    /// Parses a `.tf` or `.tfvars` file. The top-level blocks the model never reads
    /// (resources of other types, outputs, providers, ...) are left out of the tree: they were
    /// most of a monorepo's parsing time and memory.
    pub fn parse_hcl(
        id: FileId,
        path: PathBuf,
        text: Arc<str>,
        limits: Limits,
    ) -> Result<Self, SyntaxError> {
        Self::parse_hcl_with(id, path, text, limits, &|ident, labels, _| {
            reads_block(ident, labels)
        })
    }

    /// [`TfFile::parse_hcl`], also leaving out the IAM policies that no rule can use, by what
    /// the rest of the module and of the root say of them (`uses`).
    pub fn parse_hcl_using(
        id: FileId,
        path: PathBuf,
        text: Arc<str>,
        limits: Limits,
        uses: &PolicyUse,
    ) -> Result<Self, SyntaxError> {
        Self::parse_hcl_with(id, path, text, limits, &|ident, labels, block| {
            reads_block(ident, labels) && !uses.leaves_out(ident, labels, block)
        })
    }

    /// Parses a `.tf` file for its module calls alone (`module` blocks): enough to know which
    /// modules a root reaches, before any is read whole. The names of the other resources are
    /// not kept: the first reading of a monorepo holds every file until the end, and they were
    /// a third of a byte for each byte read.
    pub fn parse_hcl_calls(
        id: FileId,
        path: PathBuf,
        text: Arc<str>,
        limits: Limits,
    ) -> Result<Self, SyntaxError> {
        // No `module` block without the word: nothing to parse. A syntax error in the file is
        // found by the second reading, which reads it whole.
        if memchr::memmem::find(text.as_bytes(), b"module").is_none() {
            return Ok(TfFile {
                id,
                path,
                text,
                body: Body::default(),
                json: None,
                type_duplicates: Vec::new(),
                other_resources: Vec::new(),
                kept_calls: None,
            });
        }
        let mut file =
            Self::parse_hcl_with(id, path, text, limits, &|ident, _, _| ident == "module")?;
        file.other_resources = Vec::new();
        Ok(file)
    }

    /// Keeps of a file read for its module calls only its local calls (in `dir`, the file's
    /// directory): the tree goes. A scan holds the files it discovered until their modules are
    /// loaded, and their trees were most of that.
    pub fn keep_calls_only(&mut self, dir: &Path) {
        if self.json.is_none() && self.kept_calls.is_none() {
            self.kept_calls = Some(local_module_calls(dir, &[&*self]));
            self.body = Body::default();
        }
    }

    /// This file's local module calls (`dir`: its directory), those kept by
    /// [`TfFile::keep_calls_only`] or read from its tree.
    pub fn local_calls(&self, dir: &Path) -> Vec<LocalCall> {
        match &self.kept_calls {
            Some(calls) => calls.clone(),
            None => local_module_calls(dir, &[self]),
        }
    }

    fn parse_hcl_with(
        id: FileId,
        path: PathBuf,
        text: Arc<str>,
        limits: Limits,
        keep: &dyn Fn(&str, &[String], &str) -> bool,
    ) -> Result<Self, SyntaxError> {
        let parsed: HclFile = coglint_syntax::parse_hcl_selected(&text, limits, keep)?;
        let other_resources = parsed
            .skipped
            .into_iter()
            .filter(|b| b.ident == "resource")
            .filter_map(|b| match <[String; 2]>::try_from(b.labels) {
                Ok([type_name, name]) => Some((type_name, name)),
                Err(_) => None,
            })
            .collect();
        Ok(TfFile {
            id,
            path,
            text,
            body: parsed.body,
            json: None,
            type_duplicates: parsed.type_duplicates,
            other_resources,
            kept_calls: None,
        })
    }

    /// A `.tf.json` file from its parsed tree.
    pub fn from_json(id: FileId, path: PathBuf, text: Arc<str>, root: Node) -> Self {
        TfFile {
            id,
            path,
            json: Some(JsonModule::new(&text, root)),
            text,
            body: Body::default(),
            type_duplicates: Vec::new(),
            other_resources: Vec::new(),
            kept_calls: None,
        }
    }

    /// Whether the file holds nothing the model reads: no block was parsed (a file of
    /// resources of other types).
    pub fn is_empty(&self) -> bool {
        self.json.is_none() && self.body.is_empty()
    }
}

/// Whether the model reads a top-level block: variables, locals, module calls, the resources
/// of the types it models and the data sources it evaluates.
pub fn reads_block(ident: &str, labels: &[String]) -> bool {
    match (ident, labels.first()) {
        ("variable" | "locals" | "module", _) => true,
        ("resource", Some(type_name)) => crate::lowering::terraform_kind(type_name).is_some(),
        ("data", Some(type_name)) => type_name == super::policy_document::DATA_TYPE,
        // A block without labels where they belong is left to the parser to refuse.
        ("resource" | "data", None) => true,
        _ => false,
    }
}

/// A `.tf.json` file: its located tree, and the expressions written in its strings.
#[derive(Debug)]
pub struct JsonModule {
    pub root: Node,
    /// Strings holding `${..}` or `%{..}`, parsed as HCL templates, by the string's start
    /// offset: the offset the template's spans are relative to, and the template.
    pub templates: HashMap<u32, (u32, Expression)>,
}

impl JsonModule {
    /// Reads a `.tf.json` tree, parsing the templates in its strings.
    pub fn new(text: &str, root: Node) -> Self {
        let mut templates = HashMap::new();
        let mut stack = vec![&root];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Mapping(entries) => stack.extend(entries.iter().map(|e| &e.value)),
                NodeKind::Sequence(items) => stack.extend(items.iter()),
                NodeKind::Scalar(s) if s.text.contains("${") || s.text.contains("%{") => {
                    // A JSON string is an HCL quoted template. Without escapes, parse the raw
                    // text, quotes and all, so spans are exact; with escapes, the decoded text
                    // (spans then approximate, from the opening quote on).
                    let raw = text.get(node.range.as_usize()).unwrap_or("");
                    let parsed = if raw.contains('\\') {
                        coglint_syntax::hcl_edit::parser::parse_template(&s.text)
                            .ok()
                            .map(|t| {
                                (
                                    node.range.start + 1,
                                    Expression::StringTemplate(StringTemplate::from(t)),
                                )
                            })
                    } else {
                        coglint_syntax::hcl_edit::parser::parse_expr(raw)
                            .ok()
                            .map(|e| (node.range.start, e))
                    };
                    if let Some(parsed) = parsed {
                        templates.insert(node.range.start, parsed);
                    }
                }
                NodeKind::Scalar(_) => {}
            }
        }
        JsonModule { root, templates }
    }
}

/// Where an expression's spans point: its file, and the offset of the text it was parsed from
/// (0 in a `.tf` file; the string's start for an expression inside a `.tf.json` string).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    pub file: FileId,
    pub offset: u32,
}

impl From<FileId> for Origin {
    fn from(file: FileId) -> Self {
        Origin { file, offset: 0 }
    }
}

pub(crate) fn span_of(
    origin: impl Into<Origin>,
    node: &impl coglint_syntax::hcl_edit::Span,
) -> Span {
    let origin = origin.into();
    let range = node
        .span()
        .map(|r| {
            let at = |v: usize| {
                u32::try_from(v)
                    .unwrap_or(u32::MAX)
                    .saturating_add(origin.offset)
            };
            TextRange::new(at(r.start), at(r.end))
        })
        .unwrap_or_else(|| TextRange::empty(origin.offset));
    Span::new(origin.file, range)
}

pub(crate) fn label(block: &Block, index: usize) -> Option<&str> {
    block.labels.get(index).map(|l| l.as_str())
}

/// The `resource "type" "name"` part of a block, where findings on defaults point.
pub(crate) fn header(file: FileId, block: &Block) -> Span {
    let start = span_of(file, &block.ident).range.start;
    let end = block
        .labels
        .last()
        .map(|l| span_of(file, l).range.end)
        .unwrap_or(start);
    Span::new(file, TextRange::new(start, end.max(start)))
}

/// An expression, in HCL or in JSON (`.tf.json`).
#[derive(Clone, Copy)]
pub(crate) enum Expr<'a> {
    Hcl(&'a Expression),
    Json(&'a Node),
}

/// A block's body, in HCL or in JSON (an object).
#[derive(Clone, Copy)]
pub(crate) enum BodyRef<'a> {
    Hcl(&'a Body),
    Json(&'a Node),
}

impl<'a> BodyRef<'a> {
    /// The attribute `key`, if the body sets it.
    pub fn attribute(self, key: &str) -> Option<Expr<'a>> {
        match self {
            BodyRef::Hcl(body) => body.get_attribute(key).map(|a| Expr::Hcl(&a.value)),
            BodyRef::Json(node) => node.get(key).map(Expr::Json),
        }
    }

    /// Every attribute: name and expression (in JSON, every entry).
    pub fn attributes(self) -> Vec<(&'a str, Expr<'a>)> {
        match self {
            BodyRef::Hcl(body) => body
                .attributes()
                .map(|a| (a.key.as_str(), Expr::Hcl(&a.value)))
                .collect(),
            BodyRef::Json(node) => node
                .entries()
                .unwrap_or(&[])
                .iter()
                .map(|e| (e.key.text.as_str(), Expr::Json(&e.value)))
                .collect(),
        }
    }
}

pub(crate) struct VarDecl<'a> {
    pub file: FileId,
    pub default: Option<Expr<'a>>,
    /// The declared type as written (`list(string)`), or empty.
    pub type_text: String,
    pub sensitive: bool,
}

pub(crate) struct ResourceDecl<'a> {
    pub file: FileId,
    pub type_name: &'a str,
    pub name: &'a str,
    pub body: BodyRef<'a>,
    pub header: Span,
}

pub(crate) struct CallDecl<'a> {
    pub file: FileId,
    pub name: &'a str,
    pub source: Option<String>,
    pub body: BodyRef<'a>,
    pub header: Span,
}

pub(crate) struct Module<'a> {
    pub variables: HashMap<&'a str, VarDecl<'a>>,
    pub locals: HashMap<&'a str, (FileId, Expr<'a>)>,
    pub resources: Vec<ResourceDecl<'a>>,
    /// `data` blocks (HCL only): read where the model can evaluate them statically
    /// (`aws_iam_policy_document`).
    pub data: Vec<ResourceDecl<'a>>,
    pub calls: Vec<CallDecl<'a>>,
    /// Every resource of the module by type and name, those left out of the parse included.
    declared: HashSet<(&'a str, &'a str)>,
    pub texts: HashMap<FileId, &'a str>,
    /// Expressions parsed from `.tf.json` strings, by file and the string's start offset.
    pub templates: HashMap<FileId, &'a HashMap<u32, (u32, Expression)>>,
    /// The names of the module's files that could not be parsed: a name the parsed files do not
    /// declare may be declared there, and is unknown (never absent).
    pub unparsed: Vec<String>,
}

/// The literal string of an attribute (`source = "./modules/auth"`).
fn literal_string(body: BodyRef<'_>, key: &str) -> Option<String> {
    match body.attribute(key)? {
        Expr::Hcl(Expression::String(s)) => Some(s.value().to_string()),
        Expr::Json(node) => node.as_str().map(str::to_string),
        Expr::Hcl(_) => None,
    }
}

/// A JSON block value: an object, or (as Terraform also accepts) a list of objects.
fn json_bodies(node: &Node) -> Vec<&Node> {
    match &node.kind {
        NodeKind::Mapping(_) => vec![node],
        NodeKind::Sequence(items) => items.iter().filter(|i| i.entries().is_some()).collect(),
        NodeKind::Scalar(_) => Vec::new(),
    }
}

impl<'a> Module<'a> {
    pub fn new(files: &[&'a TfFile]) -> Self {
        let mut module = Module {
            variables: HashMap::new(),
            locals: HashMap::new(),
            resources: Vec::new(),
            data: Vec::new(),
            calls: Vec::new(),
            declared: HashSet::new(),
            texts: HashMap::new(),
            templates: HashMap::new(),
            unparsed: Vec::new(),
        };
        for file in files {
            module.texts.insert(file.id, &file.text);
            match &file.json {
                Some(json) => {
                    module.templates.insert(file.id, &json.templates);
                    module.add_json(file, &json.root);
                }
                None => module.add_hcl(file),
            }
            module.declared.extend(
                file.other_resources
                    .iter()
                    .map(|(t, n)| (t.as_str(), n.as_str())),
            );
        }
        let parsed: Vec<(&'a str, &'a str)> = module
            .resources
            .iter()
            .map(|r| (r.type_name, r.name))
            .collect();
        module.declared.extend(parsed);
        module
    }

    fn add_hcl(&mut self, file: &'a TfFile) {
        for block in file.body.iter().filter_map(|s| s.as_block()) {
            let body = BodyRef::Hcl(&block.body);
            match block.ident.as_str() {
                "variable" => {
                    if let Some(name) = label(block, 0) {
                        let type_text = block
                            .body
                            .get_attribute("type")
                            .and_then(|a| a.value.span())
                            .and_then(|r| file.text.get(r))
                            .unwrap_or("")
                            .to_string();
                        let sensitive = matches!(
                            block.body.get_attribute("sensitive").map(|a| &a.value),
                            Some(Expression::Bool(b)) if *b.value()
                        );
                        self.variables.insert(
                            name,
                            VarDecl {
                                file: file.id,
                                default: body.attribute("default"),
                                type_text,
                                sensitive,
                            },
                        );
                    }
                }
                "locals" => {
                    for (name, expr) in body.attributes() {
                        self.locals.insert(name, (file.id, expr));
                    }
                }
                "resource" => {
                    if let (Some(type_name), Some(name)) = (label(block, 0), label(block, 1)) {
                        self.resources.push(ResourceDecl {
                            file: file.id,
                            type_name,
                            name,
                            body,
                            header: header(file.id, block),
                        });
                    }
                }
                "data" => {
                    if let (Some(type_name), Some(name)) = (label(block, 0), label(block, 1)) {
                        self.data.push(ResourceDecl {
                            file: file.id,
                            type_name,
                            name,
                            body,
                            header: header(file.id, block),
                        });
                    }
                }
                "module" => {
                    if let Some(name) = label(block, 0) {
                        self.calls.push(CallDecl {
                            file: file.id,
                            name,
                            source: literal_string(body, "source"),
                            body,
                            header: header(file.id, block),
                        });
                    }
                }
                _ => {}
            }
        }
    }

    /// `.tf.json`: `{"variable": {"name": {..}}, "locals": {..}, "resource": {"type": {"name":
    /// {..}}}, "module": {"name": {..}}}`.
    fn add_json(&mut self, file: &'a TfFile, root: &'a Node) {
        let entries = |node: Option<&'a Node>| node.and_then(Node::entries).unwrap_or(&[]);
        for var in entries(root.get("variable")) {
            let Some(decl) = json_bodies(&var.value).into_iter().next() else {
                continue;
            };
            self.variables.insert(
                &var.key.text,
                VarDecl {
                    file: file.id,
                    default: decl.get("default").map(Expr::Json),
                    type_text: decl
                        .get("type")
                        .and_then(Node::as_str)
                        .unwrap_or("")
                        .to_string(),
                    sensitive: decl.get("sensitive").and_then(Node::as_str) == Some("true"),
                },
            );
        }
        for locals in root.get("locals").map(json_bodies).unwrap_or_default() {
            for local in entries(Some(locals)) {
                self.locals
                    .insert(&local.key.text, (file.id, Expr::Json(&local.value)));
            }
        }
        for by_type in entries(root.get("resource")) {
            for resource in entries(Some(&by_type.value)) {
                for body in json_bodies(&resource.value) {
                    self.resources.push(ResourceDecl {
                        file: file.id,
                        type_name: &by_type.key.text,
                        name: &resource.key.text,
                        body: BodyRef::Json(body),
                        header: Span::new(file.id, resource.key.range),
                    });
                }
            }
        }
        for call in entries(root.get("module")) {
            for body in json_bodies(&call.value) {
                let body = BodyRef::Json(body);
                self.calls.push(CallDecl {
                    file: file.id,
                    name: &call.key.text,
                    source: literal_string(body, "source"),
                    body,
                    header: Span::new(file.id, call.key.range),
                });
            }
        }
    }

    pub fn has_resource(&self, type_name: &str, name: &str) -> bool {
        self.declared.contains(&(type_name, name))
    }
}

/// A call of a local module (`source = "./x"` or `"../x"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalCall {
    /// The `module` block's label.
    pub name: String,
    /// The called directory, resolved against the caller's.
    pub dir: PathBuf,
    /// The `module "name"` header.
    pub header: Span,
}

/// The local modules a module calls, in the order they are written.
pub fn local_module_calls(dir: &Path, files: &[&TfFile]) -> Vec<LocalCall> {
    let mut out = Vec::new();
    let module = Module::new(files);
    for call in &module.calls {
        if let Some(source) = &call.source {
            if source.starts_with("./") || source.starts_with("../") {
                out.push(LocalCall {
                    name: call.name.to_string(),
                    dir: normalize(&dir.join(source)),
                    header: call.header,
                });
            }
        }
    }
    out
}

/// `a/b/../c` as `a/c`, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

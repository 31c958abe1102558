//! A Terraform module: the declarations of every `.tf` file of one directory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_source::{FileId, Span, TextRange};
use coglint_syntax::hcl_edit::expr::Expression;
use coglint_syntax::hcl_edit::structure::{Block, Body};
use coglint_syntax::hcl_edit::Span as _;

/// A parsed `.tf` or `.tfvars` file.
#[derive(Debug)]
pub struct TfFile {
    pub id: FileId,
    pub path: PathBuf,
    pub text: Arc<str>,
    pub body: Body,
}

pub(crate) fn span_of(file: FileId, node: &impl coglint_syntax::hcl_edit::Span) -> Span {
    let range = node
        .span()
        .map(|r| TextRange::from_usize(r.start, r.end))
        .unwrap_or_default();
    Span::new(file, range)
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

pub(crate) struct VarDecl<'a> {
    pub file: FileId,
    pub default: Option<&'a Expression>,
    /// The declared type as written (`list(string)`), or empty.
    pub type_text: String,
    pub sensitive: bool,
}

pub(crate) struct ResourceDecl<'a> {
    pub file: FileId,
    pub type_name: &'a str,
    pub name: &'a str,
    pub body: &'a Body,
    pub header: Span,
}

pub(crate) struct CallDecl<'a> {
    pub file: FileId,
    pub name: &'a str,
    pub source: Option<String>,
    pub body: &'a Body,
    pub header: Span,
}

pub(crate) struct Module<'a> {
    pub variables: HashMap<&'a str, VarDecl<'a>>,
    pub locals: HashMap<&'a str, (FileId, &'a Expression)>,
    pub resources: Vec<ResourceDecl<'a>>,
    pub calls: Vec<CallDecl<'a>>,
    pub texts: HashMap<FileId, &'a str>,
}

/// The literal string of an attribute (`source = "./modules/auth"`).
fn literal_string(body: &Body, key: &str) -> Option<String> {
    match &body.get_attribute(key)?.value {
        Expression::String(s) => Some(s.value().to_string()),
        _ => None,
    }
}

impl<'a> Module<'a> {
    pub fn new(files: &[&'a TfFile]) -> Self {
        let mut module = Module {
            variables: HashMap::new(),
            locals: HashMap::new(),
            resources: Vec::new(),
            calls: Vec::new(),
            texts: HashMap::new(),
        };
        for file in files {
            module.texts.insert(file.id, &file.text);
            for block in file.body.iter().filter_map(|s| s.as_block()) {
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
                            module.variables.insert(
                                name,
                                VarDecl {
                                    file: file.id,
                                    default: block.body.get_attribute("default").map(|a| &a.value),
                                    type_text,
                                    sensitive,
                                },
                            );
                        }
                    }
                    "locals" => {
                        for attr in block.body.attributes() {
                            module
                                .locals
                                .insert(attr.key.as_str(), (file.id, &attr.value));
                        }
                    }
                    "resource" => {
                        if let (Some(type_name), Some(name)) = (label(block, 0), label(block, 1)) {
                            module.resources.push(ResourceDecl {
                                file: file.id,
                                type_name,
                                name,
                                body: &block.body,
                                header: header(file.id, block),
                            });
                        }
                    }
                    "module" => {
                        if let Some(name) = label(block, 0) {
                            module.calls.push(CallDecl {
                                file: file.id,
                                name,
                                source: literal_string(&block.body, "source"),
                                body: &block.body,
                                header: header(file.id, block),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
        module
    }

    pub fn has_resource(&self, type_name: &str, name: &str) -> bool {
        self.resources
            .iter()
            .any(|r| r.type_name == type_name && r.name == name)
    }
}

/// The directories a module calls with a local `source` ("./x", "../x"), resolved.
pub fn local_module_calls(dir: &Path, files: &[&TfFile]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for file in files {
        for block in file.body.iter().filter_map(|s| s.as_block()) {
            if block.ident.as_str() != "module" {
                continue;
            }
            if let Some(source) = literal_string(&block.body, "source") {
                if source.starts_with("./") || source.starts_with("../") {
                    out.push(normalize(&dir.join(source)));
                }
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

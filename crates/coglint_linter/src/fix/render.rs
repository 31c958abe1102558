//! Turning one [`Change`] into byte edits of one file, in the style of that file: a replaced
//! scalar keeps its quoting, an inserted property takes the indentation and separators of its
//! siblings, a removed list item takes its separator with it. Every other byte stays.

use std::sync::Arc;

use coglint_rules::{Change, Edit, FixValue};
use coglint_source::{FileId, Span, TextRange};
use coglint_syntax::hcl_edit::structure::{Block, Body, Structure};
use coglint_syntax::hcl_edit::Span as _;
use coglint_syntax::{parse_hcl_selected, parse_json, parse_yaml, Limits, Node, NodeKind};

/// The syntax of a file a fix edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// CloudFormation, SAM or Serverless YAML.
    Yaml,
    /// CloudFormation JSON, a parameters file.
    Json,
    /// Terraform JSON (`.tf.json`): resources hold their arguments directly.
    TerraformJson,
    /// Terraform HCL (`.tf`, `.tfvars`).
    Hcl,
}

impl SourceFormat {
    /// The format of a file by its name; `None` for a file coglint does not edit
    /// (samconfig.toml, anything else).
    pub fn of(path: &std::path::Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".tf.json") || name.ends_with(".tfvars.json") {
            Some(SourceFormat::TerraformJson)
        } else if name.ends_with(".tf") || name.ends_with(".tfvars") {
            Some(SourceFormat::Hcl)
        } else if name.ends_with(".json") || name.ends_with(".template") {
            // A `.template` file may hold either; JSON starts with a brace or a bracket.
            Some(SourceFormat::Json)
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            Some(SourceFormat::Yaml)
        } else {
            None
        }
    }

    /// The format of `text`, refined by its content where the name leaves it open.
    pub fn of_text(path: &std::path::Path, text: &str) -> Option<Self> {
        let format = Self::of(path)?;
        if format == SourceFormat::Json
            && !text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with(['{', '['])
        {
            return Some(SourceFormat::Yaml);
        }
        Some(format)
    }
}

/// Why a change cannot be rendered: the fix is not offered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unrenderable {
    #[error("the value's place is not in the file as it was scanned")]
    OutOfRange,
    #[error("the file no longer parses")]
    Syntax,
    #[error("the value is written in a form coglint does not rewrite ({0})")]
    Form(&'static str),
    #[error("the resource's properties are written in a form coglint does not extend ({0})")]
    Structure(&'static str),
}

type Result<T> = std::result::Result<T, Unrenderable>;

/// A file's syntax tree, parsed once for every insertion into it.
#[derive(Default)]
pub(crate) struct Tree {
    style: Option<Style>,
    document: Option<std::result::Result<Arc<coglint_syntax::Document>, ()>>,
    hcl: Option<std::result::Result<coglint_syntax::HclFile, ()>>,
}

/// How a file writes what a fix adds: its line break, and the quote of its YAML scalars.
#[derive(Clone, Copy)]
struct Style {
    newline: &'static str,
    quote: char,
}

impl Tree {
    /// The tree of a CloudFormation file that the scan parsed already (its text's).
    pub(crate) fn with_document(document: Arc<coglint_syntax::Document>) -> Self {
        Tree {
            document: Some(Ok(document)),
            ..Tree::default()
        }
    }

    fn style(&mut self, text: &str) -> Style {
        *self.style.get_or_insert_with(|| Style {
            newline: newline(text),
            quote: yaml_quote(text),
        })
    }

    fn document(
        &mut self,
        text: &str,
        file: FileId,
        json: bool,
    ) -> Result<&coglint_syntax::Document> {
        self.document
            .get_or_insert_with(|| {
                if json {
                    parse_json(file, text, Limits::default()).map_err(|_| ())
                } else {
                    parse_yaml(file, text, Limits::default()).map_err(|_| ())
                }
                .map(Arc::new)
            })
            .as_deref()
            .map_err(|_| Unrenderable::Syntax)
    }

    fn hcl(&mut self, text: &str) -> Result<&coglint_syntax::HclFile> {
        self.hcl
            .get_or_insert_with(|| {
                // Fixes change only what the model reads: the other blocks are left out.
                let reads = |ident: &str, labels: &[String], _: &str| {
                    coglint_frontend::terraform::reads_block(ident, labels)
                };
                parse_hcl_selected(text, Limits::default(), &reads).map_err(|_| ())
            })
            .as_ref()
            .map_err(|_| Unrenderable::Syntax)
    }
}

/// The edits of `change` in `text` (the file `file`, in `format`).
pub fn render_change(
    text: &str,
    format: SourceFormat,
    file: FileId,
    change: &Change,
) -> Result<Vec<Edit>> {
    render_with(text, format, file, change, &mut Tree::default())
}

pub(crate) fn render_with(
    text: &str,
    format: SourceFormat,
    file: FileId,
    change: &Change,
    tree: &mut Tree,
) -> Result<Vec<Edit>> {
    let style = tree.style(text);
    let edit = |range: TextRange, replacement: String| Edit {
        span: Span::new(file, range),
        replacement,
    };
    match change {
        Change::Replace { at, value } => {
            let replacement = replace_scalar(text, style, format, at.range, value)?;
            Ok(vec![edit(at.range, replacement)])
        }
        Change::RemoveItem { at } => {
            let range = remove_item(text, format, at.range)?;
            Ok(vec![edit(range, String::new())])
        }
        Change::Insert {
            resource,
            property,
            value,
        } => {
            let path: Vec<&str> = property.split('.').collect();
            if path.iter().any(|p| p.is_empty() || p.contains('[')) {
                return Err(Unrenderable::Structure("a property inside a list"));
            }
            let (at, replacement) = match format {
                SourceFormat::Yaml => {
                    let doc = tree.document(text, file, false)?;
                    insert_yaml(text, style, doc, resource.range, &path, value)?
                }
                SourceFormat::Json => {
                    let doc = tree.document(text, file, true)?;
                    insert_json(text, style, doc, resource.range, &path, value)?
                }
                SourceFormat::Hcl => {
                    insert_hcl(text, style, tree.hcl(text)?, resource.range, &path, value)?
                }
                SourceFormat::TerraformJson => {
                    return Err(Unrenderable::Structure("Terraform JSON"))
                }
            };
            Ok(vec![edit(TextRange::empty(at), replacement)])
        }
    }
}

fn slice(text: &str, range: TextRange) -> Result<&str> {
    text.get(range.as_usize()).ok_or(Unrenderable::OutOfRange)
}

/// The line break the file uses.
fn newline(text: &str) -> &'static str {
    if memchr::memmem::find(text.as_bytes(), b"\r\n").is_some() {
        "\r\n"
    } else {
        "\n"
    }
}

/// The offset of the start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// The whitespace that starts the line holding `offset`.
fn indentation_of_line(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let rest = &text[start..];
    let width = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    &rest[..width]
}

/// Where a new line goes after the text ending at `end`: the start of the next line (after a
/// comment that ends this one). `None` at the end of a file without a final line break.
fn after_line(text: &str, end: usize) -> Option<usize> {
    if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\n') {
        return Some(end);
    }
    text[end..].find('\n').map(|i| end + i + 1)
}

/// A word YAML 1.1 reads as something else than a string when it is not quoted.
fn yaml_needs_quotes(s: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
    ];
    let plain_chars = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'));
    s.is_empty()
        || !plain_chars
        || SPECIAL.contains(&s.to_ascii_lowercase().as_str())
        || s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
}

/// The quote a YAML file prefers for its quoted scalars: the one it uses most (single on a tie).
fn yaml_quote(text: &str) -> char {
    let bytes = text.as_bytes();
    let (mut double, mut single) = (0usize, 0usize);
    // One pass over the quotes (a template can be megabytes): those after `: `, `- ` or `[`.
    for i in memchr::memchr2_iter(b'"', b'\'', bytes) {
        let before = &bytes[..i];
        if before.ends_with(b": ") || before.ends_with(b"- ") || before.ends_with(b"[") {
            match bytes[i] {
                b'"' => double += 1,
                _ => single += 1,
            }
        }
    }
    if double > single {
        '"'
    } else {
        '\''
    }
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `value` as a new YAML scalar in `text`'s style.
fn yaml_value(quote: char, value: &FixValue) -> String {
    match value {
        FixValue::String(s) if yaml_needs_quotes(s) => match quote {
            '"' => double_quoted(s),
            _ => single_quoted(s),
        },
        other => other.to_string(),
    }
}

/// `value` as a JSON or HCL value (same literal syntax for these).
fn json_value(value: &FixValue) -> String {
    match value {
        FixValue::String(s) => double_quoted(s),
        other => other.to_string(),
    }
}

/// The text that replaces the scalar at `range`, in the style it was written in.
fn replace_scalar(
    text: &str,
    style: Style,
    format: SourceFormat,
    range: TextRange,
    value: &FixValue,
) -> Result<String> {
    let old = slice(text, range)?;
    // A Serverless variable (`${opt:x, 12}`) or a template: replacing it would drop the
    // override it reads, not only its fallback.
    if old.contains("${") {
        return Err(Unrenderable::Form("a variable or template"));
    }
    let plain_value = value.to_string();
    match old.as_bytes().first() {
        None => Err(Unrenderable::Form("empty")),
        Some(b'\'') if format == SourceFormat::Yaml => {
            if old.len() >= 2 && old.ends_with('\'') {
                Ok(single_quoted(&plain_value))
            } else {
                Err(Unrenderable::Form("an unterminated quoted scalar"))
            }
        }
        Some(b'"') => {
            // An HCL string with interpolation is a template, not a value to rewrite.
            if old.len() < 2 || !old.ends_with('"') || old.contains("${") || old.contains("%{") {
                Err(Unrenderable::Form("a template or multi-part string"))
            } else if old.contains('\n') || old.contains('\r') {
                Err(Unrenderable::Form("a multi-line string"))
            } else {
                Ok(double_quoted(&plain_value))
            }
        }
        Some(b'|' | b'>' | b'!' | b'&' | b'*' | b'<' | b'[' | b'{') => Err(Unrenderable::Form(
            "a block scalar, tag, alias or collection",
        )),
        Some(_) => {
            if old.contains(['\n', '\r', '#']) {
                return Err(Unrenderable::Form("a multi-line scalar"));
            }
            match format {
                SourceFormat::Yaml => Ok(yaml_value(style.quote, value)),
                SourceFormat::Json | SourceFormat::TerraformJson | SourceFormat::Hcl => {
                    Ok(json_value(value))
                }
            }
        }
    }
}

/// The range to delete to remove the list item at `item`, with its separator: a whole line of
/// a YAML block sequence, or the item and one comma of a flow list (YAML, JSON, HCL).
fn remove_item(text: &str, format: SourceFormat, item: TextRange) -> Result<TextRange> {
    let (start, end) = (item.start as usize, item.end as usize);
    slice(text, item)?;
    let before = text[..start].trim_end_matches([' ', '\t', '\r', '\n']);
    let after = text[end..].trim_start_matches([' ', '\t', '\r', '\n']);
    let line = line_start(text, start);
    if format == SourceFormat::Yaml && text[line..start].trim() == "-" {
        // A block sequence item on its own line: the line goes, comment and break included.
        let next = after_line(text, end).unwrap_or(text.len());
        if text[start..end].contains('\n') {
            return Err(Unrenderable::Form("a multi-line item"));
        }
        // The only item? Then the list would be left empty (a null in YAML).
        let rest_of_list = &text[next..];
        let prev_is_item = text[..line]
            .lines()
            .next_back()
            .is_some_and(|l| l.trim_start().starts_with("- "));
        let next_is_item = rest_of_list
            .lines()
            .next()
            .is_some_and(|l| l.trim_start().starts_with("- "));
        if !prev_is_item && !next_is_item {
            return Err(Unrenderable::Form("the only item of its list"));
        }
        return Ok(TextRange::from_usize(line, next));
    }
    if before.ends_with(',') {
        // `a, item`: from the comma before it.
        let comma = before.len() - 1;
        // A comment between the comma and the item would go with it: leave such lists alone.
        if text[comma + 1..start].contains(['#', '/']) {
            return Err(Unrenderable::Form("a comment inside the list"));
        }
        return Ok(TextRange::from_usize(comma, end));
    }
    if before.ends_with('[') {
        if let Some(rest) = after.strip_prefix(',') {
            // `[item, b`: up to the next item.
            let next = text.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
            if text[end..next].contains(['#', '/']) || rest.trim_start().starts_with(']') {
                return Err(Unrenderable::Form("a comment inside the list"));
            }
            return Ok(TextRange::from_usize(start, next));
        }
        return Err(Unrenderable::Form("the only item of its list"));
    }
    Err(Unrenderable::Form("not an item of a list"))
}

/// The entry whose key is at `header`, anywhere in the tree (a CloudFormation resource is the
/// entry keyed by its logical ID, wherever its `Resources` map is: a Serverless service keeps
/// it under `resources`).
fn find_entry(node: &Node, header: TextRange) -> Option<&coglint_syntax::Entry> {
    // Entries and items are in the order they are written: a binary search finds the one that
    // holds the header, so that a template of thousands of resources is not walked per fix.
    match &node.kind {
        NodeKind::Mapping(entries) => {
            let i = entries.partition_point(|e| e.key.range.start <= header.start);
            let entry = entries.get(i.checked_sub(1)?)?;
            if entry.key.range == header {
                Some(entry)
            } else if header.end <= entry.value.range.end.max(entry.key.range.end) {
                find_entry(&entry.value, header)
            } else {
                None
            }
        }
        NodeKind::Sequence(items) => {
            let i = items.partition_point(|n| n.range.start <= header.start);
            find_entry(items.get(i.checked_sub(1)?)?, header)
        }
        NodeKind::Scalar(_) => None,
    }
}

/// A mapping that is the value of an intrinsic function (`Fn::If`, `Ref`): not a map of
/// properties to extend.
fn is_intrinsic(node: &Node) -> bool {
    match node.entries() {
        Some([entry]) => entry.key.text == "Ref" || entry.key.text.starts_with("Fn::"),
        _ => false,
    }
}

/// Descends from a resource's value along `path` (`Properties` first): the deepest mapping
/// that exists, the column of the key that holds it, and the part of the path still missing.
fn descend<'a, 's, 'p>(
    resource_key_col: usize,
    resource: &'a Node,
    path: &'s [&'p str],
    text: &str,
) -> Result<(&'a Node, usize, &'s [&'p str])> {
    let mut node = resource;
    let mut key_col = resource_key_col;
    let mut rest = path;
    while let Some((first, tail)) = rest.split_first() {
        if node.entries().is_none() || is_intrinsic(node) {
            return Err(Unrenderable::Structure("not a plain map"));
        }
        match node.entry(first) {
            Some(entry) => {
                if tail.is_empty() {
                    // The property is there after all (written in a scenario the fix missed).
                    return Err(Unrenderable::Structure("the property is already written"));
                }
                key_col = column(text, entry.key.range.start as usize);
                node = &entry.value;
                rest = tail;
            }
            None => break,
        }
    }
    if node.entries().is_none_or(|e| e.is_empty()) || is_intrinsic(node) {
        return Err(Unrenderable::Structure("an empty or computed map"));
    }
    Ok((node, key_col, rest))
}

fn column(text: &str, offset: usize) -> usize {
    offset - line_start(text, offset)
}

/// The indentation step of a map whose key is at `parent_col` and entries at `col`.
fn step(parent_col: usize, col: usize) -> usize {
    if col > parent_col {
        col - parent_col
    } else {
        2
    }
}

/// Where a property (under `Properties`) of the resource at `header` is inserted, in YAML and
/// JSON alike: the deepest map of its path that is written, the column of the key that holds
/// it, the keys still to write, and the map's first and last entries.
struct Insertion<'d, 'p> {
    map: &'d Node,
    parent_col: usize,
    rest: Vec<&'p str>,
    first: &'d coglint_syntax::Entry,
    last: &'d coglint_syntax::Entry,
}

fn insertion<'d, 'p>(
    text: &str,
    doc: &'d coglint_syntax::Document,
    header: TextRange,
    property: &[&'p str],
) -> Result<Insertion<'d, 'p>> {
    let resource = find_entry(&doc.root, header).ok_or(Unrenderable::OutOfRange)?;
    let mut path: Vec<&'p str> = vec!["Properties"];
    path.extend_from_slice(property);
    let header_col = column(text, header.start as usize);
    let (map, parent_col, rest) = descend(header_col, &resource.value, &path, text)?;
    if rest.is_empty() {
        return Err(Unrenderable::Structure("the property is already written"));
    }
    let entries = map.entries().unwrap_or_default();
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return Err(Unrenderable::Structure("an empty map"));
    };
    Ok(Insertion {
        map,
        parent_col,
        rest: rest.to_vec(),
        first,
        last,
    })
}

fn insert_yaml(
    text: &str,
    style: Style,
    doc: &coglint_syntax::Document,
    header: TextRange,
    property: &[&str],
    value: &FixValue,
) -> Result<(u32, String)> {
    let Insertion {
        map,
        parent_col,
        rest,
        first,
        last,
    } = insertion(text, doc, header, property)?;
    if slice(text, map.range)?.starts_with('{') {
        return Err(Unrenderable::Structure("a flow mapping"));
    }
    let col = column(text, first.key.range.start as usize);
    let indent_unit = step(parent_col, col);
    let nl = style.newline;
    let end = last.value.range.end.max(last.key.range.end) as usize;
    let (at, mut out) = match after_line(text, end) {
        Some(at) => (at, String::new()),
        None => (text.len(), nl.to_string()),
    };
    for (depth, key) in rest.iter().enumerate() {
        out.push_str(&" ".repeat(col + depth * indent_unit));
        out.push_str(key);
        out.push(':');
        if depth + 1 == rest.len() {
            out.push(' ');
            out.push_str(&yaml_value(style.quote, value));
        }
        out.push_str(nl);
    }
    Ok((u32::try_from(at).unwrap_or(u32::MAX), out))
}

fn insert_json(
    text: &str,
    style: Style,
    doc: &coglint_syntax::Document,
    header: TextRange,
    property: &[&str],
    value: &FixValue,
) -> Result<(u32, String)> {
    let Insertion {
        map,
        parent_col,
        rest,
        first,
        last,
    } = insertion(text, doc, header, property)?;
    let first_at = first.key.range.start as usize;
    let at = last.value.range.end as usize;
    let value = json_value(value);
    // Written on one line (`{"A": 1}`): the new member goes on that line too.
    let one_line = text[..first_at]
        .trim_end_matches([' ', '\t'])
        .ends_with('{');
    if one_line && !slice(text, map.range)?.contains('\n') {
        let mut nested = format!(", {}: ", double_quoted(rest[0]));
        for key in &rest[1..] {
            nested.push_str(&format!("{{{}: ", double_quoted(key)));
        }
        nested.push_str(&value);
        nested.push_str(&"}".repeat(rest.len() - 1));
        return Ok((u32::try_from(at).unwrap_or(u32::MAX), nested));
    }
    let indent = indentation_of_line(text, first_at);
    if indent.len() != column(text, first_at) {
        return Err(Unrenderable::Structure(
            "members that do not start their lines",
        ));
    }
    let unit = if indent.contains('\t') {
        "\t".to_string()
    } else {
        " ".repeat(step(parent_col, indent.len()))
    };
    let nl = style.newline;
    let mut out = String::from(",");
    for (depth, key) in rest.iter().enumerate() {
        out.push_str(nl);
        out.push_str(indent);
        out.push_str(&unit.repeat(depth));
        out.push_str(&double_quoted(key));
        out.push_str(": ");
        if depth + 1 == rest.len() {
            out.push_str(&value);
        } else {
            out.push('{');
        }
    }
    for depth in (0..rest.len() - 1).rev() {
        out.push_str(nl);
        out.push_str(indent);
        out.push_str(&unit.repeat(depth));
        out.push('}');
    }
    Ok((u32::try_from(at).unwrap_or(u32::MAX), out))
}

fn span_start(node: &impl coglint_syntax::hcl_edit::Span) -> Option<usize> {
    node.span().map(|r| r.start)
}

/// The block whose `resource "type" "name"` starts at `header`, among the top-level blocks.
fn find_block(body: &Body, header: TextRange) -> Option<&Block> {
    body.blocks()
        .find(|b| span_start(&b.ident) == Some(header.start as usize))
}

fn insert_hcl(
    text: &str,
    style: Style,
    file: &coglint_syntax::HclFile,
    header: TextRange,
    property: &[&str],
    value: &FixValue,
) -> Result<(u32, String)> {
    let mut block = find_block(&file.body, header).ok_or(Unrenderable::OutOfRange)?;
    let mut rest = property;
    while let Some((first, tail)) = rest.split_first() {
        if tail.is_empty() {
            if block.body.get_attribute(first).is_some() {
                return Err(Unrenderable::Structure("the property is already written"));
            }
            break;
        }
        let dynamic = block
            .body
            .get_blocks("dynamic")
            .any(|d| d.labels.first().map(|l| l.as_str()) == Some(*first));
        if dynamic {
            return Err(Unrenderable::Structure("a dynamic block"));
        }
        let mut nested = block.body.get_blocks(first);
        match (nested.next(), nested.next()) {
            (Some(only), None) => {
                block = only;
                rest = tail;
            }
            (Some(_), Some(_)) => return Err(Unrenderable::Structure("repeated blocks")),
            (None, _) => break,
        }
    }
    let block_range = block.span().ok_or(Unrenderable::OutOfRange)?;
    let block_text = text
        .get(block_range.clone())
        .ok_or(Unrenderable::OutOfRange)?;
    if !block_text.ends_with('}') {
        return Err(Unrenderable::Structure("a block without braces"));
    }
    let close = block_range.end - 1;
    let block_line_indent = indentation_of_line(text, block_range.start).len();
    let nl = style.newline;
    let last_end = block
        .body
        .iter()
        .filter_map(|s| s.span())
        .map(|r| r.end)
        .max();
    let first_start = block
        .body
        .iter()
        .filter_map(|s| s.span())
        .map(|r| r.start)
        .min();
    let (at, indent) = match (first_start, last_end) {
        (Some(first), Some(last)) => {
            if line_start(text, first) <= block_range.start {
                return Err(Unrenderable::Structure("a block on one line"));
            }
            let indent = indentation_of_line(text, first).len();
            let at = after_line(text, last).ok_or(Unrenderable::OutOfRange)?;
            if at > close {
                return Err(Unrenderable::Structure("a block on one line"));
            }
            (at, indent)
        }
        _ => {
            let at = line_start(text, close);
            if at <= block_range.start || !text[at..close].trim().is_empty() {
                return Err(Unrenderable::Structure("an empty block on one line"));
            }
            (at, block_line_indent + 2)
        }
    };
    let unit = step(block_line_indent, indent);
    // `terraform fmt` lines up the `=` of neighbouring attributes: a new attribute after one
    // takes its column when its name is short enough.
    let equals_at = match block.body.iter().last() {
        Some(Structure::Attribute(last)) if rest.len() == 1 => last.key.span().and_then(|key| {
            let line = line_start(text, key.start);
            let from = key.end;
            let eq = text[from..].find('=')? + from;
            text[from..eq].trim().is_empty().then_some(eq - line)
        }),
        _ => None,
    };
    let mut out = String::new();
    // A new block is set apart by a blank line, as `terraform fmt` leaves blocks, unless it
    // opens the body.
    if rest.len() > 1 && first_start.is_some() {
        out.push_str(nl);
    }
    for (depth, key) in rest.iter().enumerate() {
        out.push_str(&" ".repeat(indent + depth * unit));
        out.push_str(key);
        if depth + 1 == rest.len() {
            let written = indent + depth * unit + key.len();
            let pad = equals_at.map_or(1, |eq| eq.saturating_sub(written).max(1));
            out.push_str(&" ".repeat(pad));
            out.push_str("= ");
            out.push_str(&json_value(value));
        } else {
            out.push_str(" {");
        }
        out.push_str(nl);
    }
    for depth in (0..rest.len().saturating_sub(1)).rev() {
        out.push_str(&" ".repeat(indent + depth * unit));
        out.push('}');
        out.push_str(nl);
    }
    Ok((u32::try_from(at).unwrap_or(u32::MAX), out))
}

#[cfg(test)]
mod tests {
    use super::yaml_quote;

    #[test]
    fn the_quote_most_used_after_a_key_an_item_or_a_bracket_wins() {
        assert_eq!(yaml_quote("a: \"x\"\nb: 'y'\nc: \"z\"\n"), '"');
        assert_eq!(yaml_quote("a: 'x'\nb: \"y\"\n- 'z'\n"), '\'');
        assert_eq!(yaml_quote("a: [\"x\"]\nb: [\"y\", 'w']\nc: 'z'\n"), '"');
        // Quotes elsewhere (inside a scalar, after another character) do not count; a tie or
        // none is single.
        assert_eq!(yaml_quote("a: it's \"here\"\nb: x\"y\"\n"), '\'');
        assert_eq!(yaml_quote("a: 'x'\nb: \"y\"\n"), '\'');
        assert_eq!(yaml_quote(""), '\'');
    }
}

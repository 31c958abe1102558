//! The "suppress COGnnn" code actions: the text to insert so that a rescan no longer reports
//! the finding, in the syntax the scanner accepts (docs/suppressions.md): a comment line
//! `# coglint:ignore COG101 -- reason` above the line (`//` in TypeScript, JavaScript, Java,
//! C# and Go sources that CDK traces point into), or, in a JSON template, an entry of the
//! resource's `Metadata.coglint.ignore`.

use coglint_rules::Finding;
use coglint_source::{FileId, SourceFile};
use coglint_syntax::{parse_json, Limits, Node, NodeKind};

/// The reason written in the inserted suppression, for the user to replace: the scanner
/// requires one.
pub const REASON: &str = "TODO: why this is acceptable";

/// An insertion at a byte offset of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insertion {
    pub offset: usize,
    pub text: String,
    /// What it covers, for the action's title: `here` or the resource.
    pub scope: String,
}

/// The suppression of `finding` in `file` (the file its primary span is in), if one can be
/// written there.
pub fn insertion(finding: &Finding, file: &SourceFile) -> Option<Insertion> {
    let path = file.path().to_string_lossy().to_lowercase();
    // A synthesized template is rewritten by the next `cdk synth`: suppress in the app.
    if path.contains("cdk.out") {
        return None;
    }
    if path.ends_with(".tf.json") {
        return None;
    }
    let code = finding.rule.code;
    if path.ends_with(".json")
        || (path.ends_with(".template") && file.text().trim_start().starts_with('{'))
    {
        return json_metadata(finding, file, code);
    }
    let comment = if [".ts", ".tsx", ".js", ".mjs", ".cjs", ".java", ".cs", ".go"]
        .iter()
        .any(|e| path.ends_with(e))
    {
        "//"
    } else {
        "#"
    };
    let text = file.text();
    let lines = file.lines();
    let primary_line = lines.line_of(finding.primary.span.range.start);
    let header_in_file = finding.resource_header.file == file.id();
    let (line, scope) = if !inside_multiline_string(file, primary_line) {
        (primary_line, "here".to_string())
    } else if header_in_file {
        (
            lines.line_of(finding.resource_header.range.start),
            format!("for `{}`", finding.resource),
        )
    } else {
        return None;
    };
    let start = lines.line_start(line)? as usize;
    let line_text = text.get(lines.line_range(text, line).as_usize())?;
    let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(Insertion {
        offset: start,
        text: format!("{indent}{comment} coglint:ignore {code} -- {REASON}{newline}"),
        scope,
    })
}

/// Whether 0-based `line` lies in a YAML block scalar (`key: |`) or a Terraform heredoc
/// (`<<EOT`), where a comment line would become part of the string.
fn inside_multiline_string(file: &SourceFile, line: usize) -> bool {
    let text = file.text();
    let lines = file.lines();
    let line_at = |i: usize| text.get(lines.line_range(text, i).as_usize()).unwrap_or("");
    let path = file.path().to_string_lossy().to_lowercase();
    if path.ends_with(".tf") || path.ends_with(".tfvars") || path.ends_with(".hcl") {
        let mut open: Option<String> = None;
        for i in 0..line {
            let l = line_at(i);
            match &open {
                Some(marker) if l.trim() == marker => open = None,
                Some(_) => {}
                None => {
                    if let Some(pos) = l.find("<<") {
                        let rest = l[pos + 2..].trim_start_matches(['-', '~']);
                        let marker: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        if !marker.is_empty() {
                            open = Some(marker);
                        }
                    }
                }
            }
        }
        return open.is_some();
    }
    // YAML: an ancestor line (each less indented than the one below it) that opens a block
    // scalar.
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut depth = indent_of(line_at(line));
    for i in (0..line).rev() {
        let l = line_at(i);
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent_of(l) < depth {
            depth = indent_of(l);
            let end = l.trim_end();
            let indicator = end.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            if indicator.starts_with('|') || indicator.starts_with('>') {
                return true;
            }
            if depth == 0 {
                break;
            }
        }
    }
    false
}

/// The entry of `Metadata.coglint.ignore` for `code` in the resource's JSON object, merged into
/// what the resource already has.
fn json_metadata(finding: &Finding, file: &SourceFile, code: &str) -> Option<Insertion> {
    if finding.resource_header.file != file.id() {
        return None;
    }
    let text = file.text();
    let doc = parse_json(FileId(0), text, Limits::default()).ok()?;
    let resources = doc.root.get("Resources")?;
    let entry = resources
        .entries()?
        .iter()
        .find(|e| e.key.range == finding.resource_header.range)?;
    let body = &entry.value;
    let scope = format!("for `{}`", entry.key.text);
    let item = format!("{{\"id\": \"{code}\", \"reason\": \"{REASON}\"}}");
    let after_open = |node: &Node, open: u8, what: String| -> Option<Insertion> {
        let start = node.range.start as usize;
        if text.as_bytes().get(start) != Some(&open) {
            return None;
        }
        let comma = if node.count() > 1 { ", " } else { "" };
        Some(Insertion {
            offset: start + 1,
            text: format!("{what}{comma}"),
            scope: scope.clone(),
        })
    };
    let Some(metadata) = body.get("Metadata") else {
        // A new `Metadata` first in the resource, on its own line.
        let start = body.range.start as usize;
        if text.as_bytes().get(start) != Some(&b'{') {
            return None;
        }
        let key_line = file.lines().line_of(finding.resource_header.range.start);
        let line_text = text.get(file.lines().line_range(text, key_line).as_usize())?;
        let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let comma = if body.count() > 1 { "," } else { "" };
        return Some(Insertion {
            offset: start + 1,
            text: format!(
                "{newline}{indent}  \"Metadata\": {{\"coglint\": {{\"ignore\": [{item}]}}}}{comma}"
            ),
            scope,
        });
    };
    if !matches!(metadata.kind, NodeKind::Mapping(_)) {
        return None;
    }
    let Some(coglint) = metadata.get("coglint") else {
        return after_open(
            metadata,
            b'{',
            format!("\"coglint\": {{\"ignore\": [{item}]}}"),
        );
    };
    if !matches!(coglint.kind, NodeKind::Mapping(_)) {
        return None;
    }
    match coglint.get("ignore") {
        None => after_open(coglint, b'{', format!("\"ignore\": [{item}]")),
        Some(list) if matches!(list.kind, NodeKind::Sequence(_)) => after_open(list, b'[', item),
        Some(_) => None,
    }
}

//! HCL (Terraform) through hcl-edit, which keeps byte spans on blocks, labels, attributes and
//! every expression. The tree is hcl-edit's own; this module bounds what it is given.

use coglint_source::TextRange;
pub use hcl_edit;
use hcl_edit::structure::Body;

use crate::{Limits, SyntaxError, SyntaxErrorKind};

/// What the bracket scan is inside of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// `{`, `[` or `(`, opened at a byte offset.
    Bracket(usize),
    /// A quoted string.
    Str,
    /// A `${ ... }` or `%{ ... }` template sequence inside a string, opened at a byte offset.
    Template(usize),
}

/// The bracket structure of `text`, outside strings, comments and heredocs: the deepest
/// nesting and where it is reached, and the brackets still open at the end. A cheap guard
/// before parsing: the parser recurses on nesting, and backtracks exponentially on many
/// unclosed `{`.
struct Brackets {
    max_depth: usize,
    deepest_at: usize,
    unclosed: Vec<usize>,
}

fn brackets(text: &str) -> Brackets {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Brackets {
        max_depth: 0,
        deepest_at: 0,
        unclosed: Vec::new(),
    };
    // Brackets and template sequences on the stack.
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        if stack.last() == Some(&Frame::Str) {
            match (b, next) {
                (b'\\', _) => i += 1,
                (b'"', _) => {
                    stack.pop();
                }
                (b'$' | b'%', Some(b'{')) if i == 0 || bytes[i - 1] != b => {
                    stack.push(Frame::Template(i));
                    depth += 1;
                    i += 1;
                }
                _ => {}
            }
        } else {
            match (b, next) {
                (b'"', _) => stack.push(Frame::Str),
                (b'#', _) | (b'/', Some(b'/')) => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                (b'/', Some(b'*')) => {
                    i = text[i + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |end| i + 2 + end + 1);
                }
                (b'<', Some(b'<')) => i = skip_heredoc(text, i),
                (b'{' | b'[' | b'(', _) => {
                    stack.push(Frame::Bracket(i));
                    depth += 1;
                }
                (b'}' | b']' | b')', _) => {
                    // Outside a string the top frame, if any, is a bracket or a template.
                    stack.pop();
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
        }
        if depth > out.max_depth {
            out.max_depth = depth;
            out.deepest_at = i.min(bytes.len().saturating_sub(1));
        }
        i += 1;
    }
    out.unclosed = stack
        .iter()
        .filter_map(|f| match f {
            Frame::Bracket(at) | Frame::Template(at) => Some(*at),
            Frame::Str => None,
        })
        .collect();
    out
}

/// The offset of the last byte of the heredoc that starts with `<<` at `start` (`<<EOF` or
/// `<<-EOF` up to a line holding only `EOF`), or `start + 1` when it is not a heredoc.
fn skip_heredoc(text: &str, start: usize) -> usize {
    let rest = &text[start + 2..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let delimiter: &str = rest
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    let after = &rest[delimiter.len()..];
    if delimiter.is_empty() || !after.starts_with(['\n', '\r']) {
        return start + 1;
    }
    let body_start = text.len() - after.len();
    let mut offset = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        offset += line.len();
        if line.trim() == delimiter {
            return offset - 1;
        }
    }
    text.len()
}

/// More unclosed brackets than this at the end of a file is a syntax error found before
/// parsing (the parser would need exponential time to say so).
const MAX_UNCLOSED: usize = 8;

/// Parses a `.tf` or `.tfvars` file.
pub fn parse_hcl(text: &str, limits: Limits) -> Result<Body, SyntaxError> {
    let text_without_bom = crate::without_bom(text);
    let text: &str = &text_without_bom;
    let scan = brackets(text);
    if scan.max_depth > limits.max_depth {
        let at = scan.deepest_at;
        return Err(SyntaxError::new(
            SyntaxErrorKind::TooDeep,
            format!("nesting deeper than {} levels", limits.max_depth),
            TextRange::from_usize(at, at + 1),
        ));
    }
    if scan.unclosed.len() > MAX_UNCLOSED {
        let at = scan.unclosed[0];
        return Err(SyntaxError::new(
            SyntaxErrorKind::Malformed,
            format!(
                "{} brackets are never closed; the first is this `{}`",
                scan.unclosed.len(),
                &text[at..at + 1]
            ),
            TextRange::from_usize(at, at + 1),
        ));
    }
    hcl_edit::parser::parse_body(text).map_err(|e| {
        let offset = e.location().offset();
        // Quote the offending line, shortened: a hostile one-line file must not flood the report.
        let line = e.line().trim();
        let message = match line.chars().count() {
            0 => e.message().to_string(),
            n if n <= 80 => format!("{} in `{line}`", e.message()),
            _ => format!(
                "{} in `{}…`",
                e.message(),
                line.chars().take(80).collect::<String>()
            ),
        };
        SyntaxError::new(
            SyntaxErrorKind::Malformed,
            message,
            TextRange::from_usize(offset, offset),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use hcl_edit::Span;

    #[test]
    fn expressions_keep_their_spans() {
        let text =
            "resource \"aws_cognito_user_pool\" \"main\" {\n  mfa_configuration = \"OFF\"\n}\n";
        let body = match parse_hcl(text, Limits::default()) {
            Ok(b) => b,
            Err(e) => panic!("{e:?}"),
        };
        let block = body.iter().find_map(|s| s.as_block());
        let attr = block.and_then(|b| b.body.get_attribute("mfa_configuration"));
        let span = attr.and_then(|a| a.value.span());
        assert_eq!(span.map(|r| &text[r]), Some("\"OFF\""));
    }

    #[test]
    fn errors_and_deep_nesting_are_reported() {
        assert!(parse_hcl("resource \"x\" {\n  a = \n", Limits::default()).is_err());
        let deep = format!("a = {}{}\n", "[".repeat(5000), "]".repeat(5000));
        let err = parse_hcl(&deep, Limits::default());
        assert!(matches!(
            err,
            Err(SyntaxError {
                kind: SyntaxErrorKind::TooDeep,
                ..
            })
        ));
        let in_string = format!("a = \"{}\"\n", "[".repeat(5000));
        assert!(parse_hcl(&in_string, Limits::default()).is_ok());
        // hcl-edit bounds operator chains; the quoted line is shortened.
        let chain = format!("a = {}1\n", "!".repeat(50_000));
        match parse_hcl(&chain, Limits::default()) {
            Err(e) => assert!(e.message.len() < 200, "{}", e.message.len()),
            Ok(_) => panic!("a 50,000-deep chain should be refused"),
        }
    }

    #[test]
    fn many_unclosed_braces_are_refused_before_parsing() {
        // Found by fuzzing (fuzz/regressions/hcl/unclosed-objects.tf): hcl-edit needs seconds,
        // doubling with each unclosed object, to reject this.
        let text = include_str!("../../../fuzz/regressions/hcl/unclosed-objects.tf");
        match parse_hcl(text, Limits::default()) {
            Err(e) => {
                assert_eq!(e.kind, SyntaxErrorKind::Malformed);
                assert_eq!(
                    e.message,
                    "17 brackets are never closed; the first is this `{`"
                );
                assert_eq!(e.range, TextRange::from_usize(4, 5));
            }
            Ok(_) => panic!("unclosed braces should be refused"),
        }
    }

    #[test]
    fn brackets_in_strings_comments_heredocs_and_templates_are_not_counted() {
        let text = [
            "# { [ (",
            "// { [ (",
            "/* { [",
            "( */",
            "locals {",
            r#"  a = "{ [ ( \" {""#,
            r#"  b = "${jsonencode({ k = "v" })} and $${literal {""#,
            r#"  c = "%{ if true }{{{%{ endif }""#,
            "  d = <<-EOT",
            r#"    { "unbalanced": [ "quote"#,
            "    EOT",
            "  e = <<END",
            "{{{{{{{{{{",
            "END",
            "}",
            "",
        ]
        .join("\n");
        let scan = brackets(&text);
        assert!(scan.unclosed.is_empty(), "{:?}", scan.unclosed);
        // `locals {`, `${`, `jsonencode(` and `{`.
        assert_eq!(scan.max_depth, 4);
        if let Err(e) = parse_hcl(&text, Limits::default()) {
            panic!("{e:?}");
        }
    }
}

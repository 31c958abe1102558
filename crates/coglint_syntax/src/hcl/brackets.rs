//! A cheap scan of the bracket structure of HCL text, outside strings, comments and heredocs:
//! run before parsing, because the parser recurses on nesting and backtracks exponentially on
//! many unclosed `{`.

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
pub(super) struct Brackets {
    pub(super) max_depth: usize,
    pub(super) deepest_at: usize,
    pub(super) unclosed: Vec<usize>,
    /// The `{ ... }` pairs at the top level, by the offsets of their braces: the bodies of
    /// blocks (and of top-level object values).
    pub(super) top_level: Vec<(usize, usize)>,
}

/// The bytes that open or close something outside a string: quotes, comments, heredocs and
/// brackets. The scan skips the others.
const SIGNIFICANT: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let bytes = b"\"#/<{[()]}";
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

pub(super) fn brackets(text: &str) -> Brackets {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Brackets {
        max_depth: 0,
        deepest_at: 0,
        unclosed: Vec::new(),
        top_level: Vec::new(),
    };
    // Brackets and template sequences on the stack.
    let mut depth = 0usize;
    // The byte after the last backslash of a string: written out, whatever it is.
    let mut escaped = usize::MAX;
    let mut i = 0;
    while i < bytes.len() {
        if stack.last() == Some(&Frame::Str) {
            // Inside a string only a quote, an escape and a `{` (of `${` or `%{`) matter.
            let Some(found) = memchr::memchr3(b'"', b'\\', b'{', &bytes[i..]) else {
                break;
            };
            i += found;
            match bytes[i] {
                b'\\' => {
                    i += 1;
                    escaped = i;
                }
                b'"' => {
                    stack.pop();
                }
                // `${` or `%{`, but not `$${` or `%%{`, which are written out.
                _ if i > 0
                    && escaped != i - 1
                    && matches!(bytes[i - 1], b'$' | b'%')
                    && (i < 2 || bytes[i - 2] != bytes[i - 1]) =>
                {
                    stack.push(Frame::Template(i - 1));
                    depth += 1;
                }
                _ => {}
            }
        } else {
            // Outside strings, skip to the next byte that may open or close something.
            while i < bytes.len() && !SIGNIFICANT[usize::from(bytes[i])] {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            let next = bytes.get(i + 1).copied();
            match (b, next) {
                (b'"', _) => stack.push(Frame::Str),
                (b'#', _) | (b'/', Some(b'/')) => {
                    i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                    continue;
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
                    if let (Some(Frame::Bracket(open)), true, b'}') =
                        (stack.pop(), stack.is_empty(), b)
                    {
                        if bytes[open] == b'{' {
                            out.top_level.push((open, i));
                        }
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hcl::parse_hcl;
    use crate::Limits;

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

    #[test]
    fn template_sequences_are_told_from_written_out_braces() {
        // (text, deepest nesting)
        for (text, depth) in [
            (r#"a = "${x}""#, 1),
            (r#"a = "%{ if x }y%{ endif }""#, 1),
            (r#"a = "$${x} %%{y} {z}""#, 0),
            // An escaped backslash, then a template.
            (r#"a = "\\${x}""#, 1),
            // An escaped dollar sign: not a template.
            (r#"a = "\${x}""#, 0),
            // An escaped quote does not end the string.
            (r#"a = "\" ${x} {""#, 1),
            (r#"a = "${ "${x}" }""#, 2),
        ] {
            let scan = brackets(text);
            assert_eq!(scan.max_depth, depth, "{text}");
            assert!(scan.unclosed.is_empty(), "{text}");
        }
        // A string never closed: what follows it is inside it.
        let scan = brackets("a = \"{ [\nb = {");
        assert_eq!((scan.max_depth, scan.unclosed.len()), (0, 0));
    }
}

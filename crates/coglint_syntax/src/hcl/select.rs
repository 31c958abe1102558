//! Leaving out the top-level blocks a caller never reads: most of a Terraform monorepo's
//! resources are of types the model does not read, and parsing them was most of the scan's
//! time and memory. They are blanked to spaces before parsing, so that every offset and line
//! of the rest stays that of the file; only their kind, labels and header are kept.

use coglint_source::TextRange;

/// A top-level block left out of the parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedBlock {
    /// `resource`, `data`, `output`, ...
    pub ident: String,
    /// Its labels, unquoted (`aws_s3_bucket`, `logs`).
    pub labels: Vec<String>,
    /// From the identifier to the closing brace.
    pub range: TextRange,
}

/// The identifier and labels of the block whose body opens at `open`, and where its line
/// starts: HCL puts `ident label* {` on one line. None when the line holds anything else
/// (an attribute with an object value, a label with an escape or a template).
fn header(text: &str, open: usize) -> Option<(usize, String, Vec<String>)> {
    let start = text[..open].rfind('\n').map_or(0, |i| i + 1);
    let mut rest = text[start..open].trim_start_matches([' ', '\t']);
    let ident_len = identifier(rest);
    if ident_len == 0 {
        return None;
    }
    let ident = rest[..ident_len].to_string();
    rest = &rest[ident_len..];
    let mut labels = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return Some((start, ident, labels));
        }
        match rest.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"')?;
                let label = &quoted[..end];
                if label.contains(['\\', '$', '%', '\n']) {
                    return None;
                }
                labels.push(label.to_string());
                rest = &quoted[end + 1..];
            }
            // A bare identifier is a label too (`resource aws_s3_bucket logs {`).
            None => {
                let len = identifier(rest);
                if len == 0 {
                    return None;
                }
                labels.push(rest[..len].to_string());
                rest = &rest[len..];
            }
        }
    }
}

/// The length of the HCL identifier `text` starts with (0 if none).
pub fn identifier(text: &str) -> usize {
    text.char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_alphabetic() || c == '_' || (i > 0 && (c.is_ascii_digit() || c == '-')))
        })
        .map_or(text.len(), |(i, _)| i)
}

/// The blocks of `text` to leave out (`top_level`: the top-level brace pairs, in order), each
/// from the start of its header line to its closing brace.
pub(super) fn blocks_to_skip(
    text: &str,
    top_level: &[(usize, usize)],
    keep: &dyn Fn(&str, &[String], &str) -> bool,
) -> Vec<SkippedBlock> {
    let mut skipped = Vec::new();
    let mut previous_end = 0;
    for &(open, close) in top_level {
        let Some((start, ident, labels)) = header(text, open) else {
            previous_end = close + 1;
            continue;
        };
        // Something else on the header's line before it (`} resource "a" "b" {`): kept whole.
        if start >= previous_end && !keep(&ident, &labels, &text[start..=close]) {
            skipped.push(SkippedBlock {
                ident,
                labels,
                range: TextRange::from_usize(start, close + 1),
            });
        }
        previous_end = close + 1;
    }
    skipped
}

/// Whether `text` holds nothing but the skipped blocks, blanks and line comments: then there
/// is nothing to parse.
pub(super) fn nothing_else(text: &str, skipped: &[SkippedBlock]) -> bool {
    let mut from = 0;
    let mut gaps = Vec::with_capacity(skipped.len() + 1);
    for block in skipped {
        gaps.push(text.get(from..block.range.start as usize));
        from = block.range.end as usize;
    }
    gaps.push(text.get(from..));
    gaps.into_iter().all(|gap| {
        gap.is_some_and(|gap| {
            gap.lines().all(|line| {
                let line = line.trim_start();
                line.is_empty() || line.starts_with('#') || line.starts_with("//")
            })
        })
    })
}

/// `text` with the skipped blocks as spaces, line breaks kept.
pub(super) fn blank(text: &str, skipped: &[SkippedBlock]) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    for block in skipped {
        let range = block.range.start as usize..block.range.end as usize;
        for b in bytes.get_mut(range)? {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Each range starts after a line break and ends on a `}`: no character is cut in two.
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use crate::hcl::{parse_hcl, parse_hcl_selected};
    use crate::Limits;
    use hcl_edit::Span as _;

    const TEXT: &str = "\
resource \"aws_s3_bucket\" \"logs\" {
  bucket = \"{ not a brace }\"
  policy = <<EOF
{ \"Statement\": [
EOF
}

# a comment { with a brace
resource aws_cognito_user_pool main {
  mfa_configuration = \"OFF\"
}

output \"é\" { value = 1 }
locals {
  tags = { a = 1 }
}
";

    fn cognito_only(ident: &str, labels: &[String], _: &str) -> bool {
        ident == "locals" || labels.first().is_some_and(|t| t.starts_with("aws_cognito"))
    }

    #[test]
    fn left_out_blocks_are_named_and_the_rest_keeps_its_offsets() {
        let file = match parse_hcl_selected(TEXT, Limits::default(), &cognito_only) {
            Ok(file) => file,
            Err(e) => panic!("{e:?}"),
        };
        let skipped: Vec<(&str, Vec<&str>)> = file
            .skipped
            .iter()
            .map(|b| {
                (
                    b.ident.as_str(),
                    b.labels.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            skipped,
            [
                ("resource", vec!["aws_s3_bucket", "logs"]),
                ("output", vec!["é"])
            ]
        );
        let first = &file.skipped[0].range;
        assert!(TEXT[first.as_usize()].starts_with("resource \"aws_s3_bucket\""));
        assert!(TEXT[first.as_usize()].ends_with("EOF\n}"));
        let blocks: Vec<_> = file.body.iter().filter_map(|s| s.as_block()).collect();
        assert_eq!(blocks.len(), 2);
        let mfa = blocks[0]
            .body
            .get_attribute("mfa_configuration")
            .and_then(|a| a.value.span());
        assert_eq!(mfa.map(|r| &TEXT[r]), Some("\"OFF\""));
    }

    #[test]
    fn keeping_everything_is_the_whole_parse() {
        let (Ok(all), Ok(whole)) = (
            parse_hcl_selected(TEXT, Limits::default(), &|_, _, _| true),
            parse_hcl(TEXT, Limits::default()),
        ) else {
            panic!("both parse")
        };
        assert!(all.skipped.is_empty());
        assert_eq!(all.body.iter().count(), whole.body.iter().count());
    }

    #[test]
    fn a_syntax_error_only_in_a_left_out_block_is_not_seen_and_unbalanced_text_is_parsed_whole() {
        let broken_elsewhere = "resource \"aws_s3_bucket\" \"b\" {\n  a = = 1\n}\n";
        assert!(parse_hcl_selected(broken_elsewhere, Limits::default(), &cognito_only).is_ok());
        assert!(parse_hcl(broken_elsewhere, Limits::default()).is_err());
        // Unbalanced: nothing is left out, and the parser reports it.
        let unbalanced = "resource \"aws_s3_bucket\" \"b\" {\n  a = 1\n";
        assert!(parse_hcl_selected(unbalanced, Limits::default(), &cognito_only).is_err());
    }

    #[test]
    fn a_file_of_left_out_blocks_is_not_parsed_unless_something_else_is_in_it() {
        let blocks = "# header\nresource \"a\" \"b\" {\n  x = 1\n}\n  // between\n\nresource \"a\" \"c\" {}\n";
        let file = parse_hcl_selected(blocks, Limits::default(), &|_, _, _| false);
        assert!(file.is_ok_and(|f| f.skipped.len() == 2 && f.body.is_empty()));
        // Anything else between the blocks is parsed, and its errors found.
        for other in ["oops\n", "/* open\n", "x = 1 = 2\n"] {
            let text = format!("{blocks}{other}");
            let parsed = parse_hcl_selected(&text, Limits::default(), &|_, _, _| false);
            assert!(parsed.is_err(), "{other}");
        }
        let text = format!("{blocks}locals {{\n  a = 1\n}}\n");
        let parsed = parse_hcl_selected(&text, Limits::default(), &|ident, _, _| ident == "locals");
        assert!(parsed.is_ok_and(|f| f.body.iter().count() == 1));
    }

    #[test]
    fn an_attribute_with_an_object_value_is_not_a_block() {
        let text = "tags = {\n  a = 1\n}\n";
        match parse_hcl_selected(text, Limits::default(), &|_, _, _| false) {
            Ok(file) => {
                assert!(file.skipped.is_empty());
                assert_eq!(file.body.iter().count(), 1);
            }
            Err(e) => panic!("{e:?}"),
        }
    }
}

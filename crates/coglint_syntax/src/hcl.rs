//! HCL (Terraform) through hcl-edit, which keeps byte spans on blocks, labels, attributes and
//! every expression. The tree is hcl-edit's own; this module bounds what it is given.

use coglint_source::TextRange;
pub use hcl_edit;
use hcl_edit::structure::Body;

use crate::{Limits, SyntaxError, SyntaxErrorKind};

/// The deepest bracket nesting in `text`, outside strings and comments (a cheap guard: the
/// parser recurses on nesting).
fn nesting(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut depth, mut max, mut at) = (0usize, 0usize, 0usize);
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'{' | b'[' | b'(' => {
                    depth += 1;
                    if depth > max {
                        max = depth;
                        at = i;
                    }
                }
                b'}' | b']' | b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    (max, at)
}

/// Parses a `.tf` or `.tfvars` file.
pub fn parse_hcl(text: &str, limits: Limits) -> Result<Body, SyntaxError> {
    let (depth, at) = nesting(text);
    if depth > limits.max_depth {
        return Err(SyntaxError::new(
            SyntaxErrorKind::TooDeep,
            format!("nesting deeper than {} levels", limits.max_depth),
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
}

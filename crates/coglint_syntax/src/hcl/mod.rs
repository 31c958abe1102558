//! HCL (Terraform) through hcl-edit, which keeps byte spans on blocks, labels, attributes and
//! every expression. The tree is hcl-edit's own; this module bounds what it is given, and
//! accepts the duplicate object keys that Terraform accepts and hcl-edit refuses.

mod brackets;
mod duplicates;
mod select;

use coglint_source::TextRange;
pub use hcl_edit;
use hcl_edit::structure::Body;

use crate::{DuplicateKey, Limits, SyntaxError, SyntaxErrorKind};
use brackets::brackets;
pub use select::{identifier, SkippedBlock};

/// More unclosed brackets than this at the end of a file is a syntax error found before
/// parsing (the parser would need exponential time to say so).
const MAX_UNCLOSED: usize = 8;

/// A parsed `.tf` or `.tfvars` file.
#[derive(Debug, Default)]
pub struct HclFile {
    pub body: Body,
    /// Keys written twice in one object of a `variable` block's `type`: Terraform 1.6 and
    /// later refuse the file (earlier versions keep the last). Anywhere else a duplicate
    /// object key is valid, the last one wins, and it is not reported.
    pub type_duplicates: Vec<DuplicateKey>,
    /// Top-level blocks left out of `body` (see [`parse_hcl_selected`]).
    pub skipped: Vec<SkippedBlock>,
}

/// Parses a `.tf` or `.tfvars` file.
///
/// A key written twice in one object constructor (`{ a = 1, a = 2 }`) is valid Terraform, the
/// last one wins; hcl-edit refuses the file, so the earlier items are left out of the tree
/// (see [`duplicates`]). An attribute written twice in one block stays an error, as in
/// Terraform.
pub fn parse_hcl(text: &str, limits: Limits) -> Result<HclFile, SyntaxError> {
    parse_hcl_selected(text, limits, &|_, _, _| true)
}

/// Parses a `.tf` file, leaving out the top-level blocks for which `keep(identifier, labels,
/// text)` is false (`text`: the block's, from its identifier to its closing brace): they are listed in [`HclFile::skipped`], and the offsets in `body` stay those of
/// `text`. A syntax error inside a block left out is not found.
pub fn parse_hcl_selected(
    text: &str,
    limits: Limits,
    keep: &dyn Fn(&str, &[String], &str) -> bool,
) -> Result<HclFile, SyntaxError> {
    // A byte order mark reads as spaces of the same length: offsets stay those of the file.
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
    let skipped = if scan.unclosed.is_empty() {
        select::blocks_to_skip(text, &scan.top_level, keep)
    } else {
        Vec::new()
    };
    // Only blocks left out, blanks and line comments: nothing to parse (this is most files
    // of a Terraform monorepo).
    if !skipped.is_empty() && select::nothing_else(text, &skipped) {
        return Ok(HclFile {
            skipped,
            ..HclFile::default()
        });
    }
    let blanked = match skipped.is_empty() {
        true => None,
        false => select::blank(text, &skipped),
    };
    let (text, skipped) = match &blanked {
        Some(blanked) => (blanked.as_str(), skipped),
        None => (text, Vec::new()),
    };
    let mut file = match hcl_edit::parser::parse_body(text) {
        Ok(body) => HclFile {
            body,
            ..HclFile::default()
        },
        Err(e) if duplicates::is_duplicate_key(&e) => duplicates::resolve(text, &e)?,
        Err(e) => return Err(syntax_error(text, &e)),
    };
    if !skipped.is_empty() {
        // The blanks are the whitespace before the next block: hcl-edit keeps a copy of it
        // as that block's decor, as large as the blocks left out.
        use hcl_edit::Decorate;
        file.body.decor_mut().clear();
        for mut structure in file.body.iter_mut() {
            structure.decor_mut().clear();
        }
    }
    file.skipped = skipped;
    Ok(file)
}

/// hcl-edit's error, with the line of `text` it is on quoted. The line is read from `text`,
/// not from the error: the error may come from a text that stood in for it.
fn syntax_error(text: &str, e: &hcl_edit::parser::Error) -> SyntaxError {
    let offset = e.location().offset().min(text.len());
    let start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(offset..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| offset + i);
    // Quote the offending line, shortened: a hostile one-line file must not flood the report.
    let line = text.get(start..end).unwrap_or("").trim();
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
            Ok(f) => f.body,
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
        let text = include_str!("../../../../fuzz/regressions/hcl/unclosed-objects.tf");
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
}

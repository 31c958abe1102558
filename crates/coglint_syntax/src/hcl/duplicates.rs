//! Duplicate keys in object constructors. Terraform reads `{ a = 1, a = 2 }` as `{ a = 2 }`
//! (the last one wins); hcl-edit refuses the whole file, and has no option not to.
//!
//! Two steps, each a parse by hcl-edit itself, so no HCL is read by hand:
//! 1. Each duplicate key hcl-edit stops at is replaced by a placeholder key of the same length,
//!    a name written nowhere in the file, until the file parses. The tree then shows the items
//!    of each object that share a key, as hcl-edit compares keys.
//! 2. The earlier items of each such key are blanked in the original text (spaces; line breaks
//!    kept), and that text is parsed: the tree Terraform reads, with every byte where it was,
//!    so every span is exact. Terraform evaluates an earlier item only to report its errors; its
//!    value is dropped, as here.

use std::collections::HashSet;
use std::ops::Range;

use coglint_source::TextRange;
use hcl_edit::expr::{Expression, Object, ObjectKey, ObjectValueTerminator};
use hcl_edit::structure::Body;
use hcl_edit::visit::{self, Visit};
use hcl_edit::Span;

use super::{syntax_error, HclFile};
use crate::{DuplicateKey, SyntaxError, SyntaxErrorKind};

/// The most duplicate keys resolved in one file: each costs a parse of the whole file.
pub(super) const MAX_DUPLICATES: usize = 32;

/// Whether hcl-edit refused the file for a key written twice in one object (not for an
/// attribute written twice in one body, which Terraform refuses as well).
pub(super) fn is_duplicate_key(e: &hcl_edit::parser::Error) -> bool {
    e.message().contains("found redefined object key")
}

/// Parses `text`, which hcl-edit refused with `first` (a duplicate object key), as Terraform
/// reads it.
pub(super) fn resolve(text: &str, first: &hcl_edit::parser::Error) -> Result<HclFile, SyntaxError> {
    let refused = || syntax_error(text, first);
    let words = words(text);
    let mut stand_in = text.to_string();
    let mut placeholders: Vec<Range<usize>> = Vec::new();
    let mut offset = first.location().offset();
    let tree = loop {
        if placeholders.len() >= MAX_DUPLICATES {
            return Err(SyntaxError::new(
                SyntaxErrorKind::Malformed,
                format!(
                    "more than {MAX_DUPLICATES} duplicate object keys in one file; this one is not resolved"
                ),
                TextRange::from_usize(offset, offset),
            ));
        }
        // A key hcl-edit stops at twice is a placeholder that is not unique after all.
        if placeholders.iter().any(|p| p.start == offset) {
            return Err(refused());
        }
        let Some(len) = key_len(&stand_in, offset) else {
            return Err(refused());
        };
        let used: HashSet<&str> = placeholders
            .iter()
            .filter_map(|p| stand_in.get(p.clone()))
            .collect();
        let Some(name) = placeholder(len, &words, &used) else {
            return Err(refused());
        };
        stand_in.replace_range(offset..offset + len, &name);
        placeholders.push(offset..offset + len);
        match hcl_edit::parser::parse_body(&stand_in) {
            Ok(tree) => break tree,
            Err(e) if is_duplicate_key(&e) => offset = e.location().offset(),
            // Another error: the file is malformed anyway; quoted from the text as written.
            Err(e) => return Err(syntax_error(text, &e)),
        }
    };
    let mut finder = Finder {
        text,
        placeholders: &placeholders,
        blanks: Vec::new(),
        duplicates: Vec::new(),
        failed: false,
    };
    finder.visit_body(&tree);
    if finder.failed {
        return Err(refused());
    }
    let mut blanked = text.to_string();
    for range in &finder.blanks {
        blank(&mut blanked, range.clone());
    }
    let body = match hcl_edit::parser::parse_body(&blanked) {
        Ok(body) => body,
        Err(e) if is_duplicate_key(&e) => return Err(refused()),
        Err(e) => return Err(syntax_error(text, &e)),
    };
    let types = type_constraints(&tree);
    let type_duplicates = finder
        .duplicates
        .into_iter()
        .filter(|d| {
            let at = d.second.start as usize;
            types.iter().any(|t| t.contains(&at))
        })
        .collect();
    Ok(HclFile {
        body,
        type_duplicates,
        skipped: Vec::new(),
    })
}

/// The length of the object key at `offset`: where hcl-edit, parsing an expression from
/// there, finds the first thing that cannot continue it (the `=` or `:` after the key).
fn key_len(text: &str, offset: usize) -> Option<usize> {
    let rest = text.get(offset..)?;
    match hcl_edit::parser::parse_expr(rest) {
        Err(e) => {
            let len = e.location().offset();
            // Whitespace before the `=` is not part of the key.
            let key = rest.get(..len)?.trim_end();
            (!key.is_empty()).then_some(key.len())
        }
        Ok(_) => None,
    }
}

/// Every word of identifier characters in `text`: a placeholder is none of them.
fn words(text: &str) -> HashSet<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A name of `len` bytes that is an HCL identifier, not a keyword, written nowhere in the file
/// and not already a placeholder.
fn placeholder(len: usize, words: &HashSet<&str>, used: &HashSet<&str>) -> Option<String> {
    const FIRST: &[u8] = b"_zqxjkvwyfbghmpdulcrsntoeiaZQXJKVWYFBGHMPDULCRSNTOEIA";
    const REST: &[u8] = b"_0123456789zqxjkvwyfbghmpdulcrsntoeiaZQXJKVWYFBGHMPDULCRSNTOEIA";
    const KEYWORDS: [&str; 6] = ["true", "false", "null", "for", "in", "if"];
    if len == 0 {
        return None;
    }
    (0..10_000usize)
        .map(|mut n| {
            let mut name = String::with_capacity(len);
            name.push(FIRST[n % FIRST.len()] as char);
            n /= FIRST.len();
            for _ in 1..len {
                name.push(REST[n % REST.len()] as char);
                n /= REST.len();
            }
            name
        })
        .find(|name| {
            !words.contains(name.as_str())
                && !used.contains(name.as_str())
                && !KEYWORDS.contains(&name.as_str())
        })
}

/// Walks the tree of the text with placeholders: for each object holding one, the items with
/// the same key before it are to be blanked.
struct Finder<'t> {
    text: &'t str,
    placeholders: &'t [Range<usize>],
    blanks: Vec<Range<usize>>,
    duplicates: Vec<DuplicateKey>,
    failed: bool,
}

/// One item of an object in the tree with placeholders.
struct Item {
    key_span: Option<Range<usize>>,
    /// The key as written: a placeholder's is read back from the original text.
    key: Option<ObjectKey>,
    placeholder: bool,
    value_end: Option<usize>,
    comma: bool,
}

impl Finder<'_> {
    fn items(&self, object: &Object) -> Vec<Item> {
        object
            .iter()
            .map(|(key, value)| {
                let key_span = key.span();
                let placeholder = key_span
                    .as_ref()
                    .is_some_and(|s| self.placeholders.contains(s));
                let key = match &key_span {
                    Some(s) if placeholder => self.text.get(s.clone()).and_then(as_key),
                    _ => Some(key.clone()),
                };
                Item {
                    key_span,
                    key,
                    placeholder,
                    value_end: value.expr().span().map(|s| s.end),
                    comma: value.terminator() == ObjectValueTerminator::Comma,
                }
            })
            .collect()
    }
}

impl Visit for Finder<'_> {
    fn visit_object(&mut self, object: &Object) {
        let holds_placeholder = object
            .iter()
            .any(|(key, _)| key.span().is_some_and(|s| self.placeholders.contains(&s)));
        if holds_placeholder {
            let items = self.items(object);
            let mut blank = vec![false; items.len()];
            for (j, later) in items.iter().enumerate() {
                let (true, Some(second), Some(key)) =
                    (later.placeholder, &later.key_span, &later.key)
                else {
                    continue;
                };
                let mut nearest = None;
                for (i, earlier) in items[..j].iter().enumerate() {
                    if earlier.key.as_ref() == Some(key) {
                        blank[i] = true;
                        nearest = earlier.key_span.clone();
                    }
                }
                match nearest {
                    Some(first) => self.duplicates.push(DuplicateKey {
                        key: self.text.get(second.clone()).unwrap_or("").to_string(),
                        first: TextRange::from_usize(first.start, first.end),
                        second: TextRange::from_usize(second.start, second.end),
                    }),
                    None => self.failed = true,
                }
            }
            for (item, _) in items.iter().zip(&blank).filter(|(_, b)| **b) {
                let (Some(key_span), Some(mut end)) = (&item.key_span, item.value_end) else {
                    self.failed = true;
                    continue;
                };
                if item.comma {
                    match comma_after(self.text, end) {
                        Some(at) => end = at + 1,
                        None => self.failed = true,
                    }
                }
                self.blanks.push(key_span.start..end);
            }
        }
        visit::visit_object(self, object);
    }
}

/// A key as hcl-edit reads it in an object: a lone name is an identifier, anything else an
/// expression.
fn as_key(text: &str) -> Option<ObjectKey> {
    match hcl_edit::parser::parse_expr(text).ok()? {
        Expression::Variable(v) => Some(ObjectKey::Ident(hcl_edit::Decorated::new(v.into_value()))),
        other => Some(ObjectKey::Expression(other)),
    }
}

/// The offset of the `,` that ends an object item whose value ends at `from`: only spaces,
/// tabs and `/* */` comments stand between.
fn comma_after(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' => i += 1,
            b',' => return Some(i),
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text.get(i + 2..)?.find("*/").map(|end| i + 2 + end + 2)?;
            }
            _ => return None,
        }
    }
    None
}

/// Replaces `range` of `text` with spaces, keeping line breaks (so lines stay where they were)
/// and the length in bytes of every character (so offsets do).
fn blank(text: &mut String, range: Range<usize>) {
    let Some(part) = text.get(range.clone()) else {
        return;
    };
    let spaces: String = part
        .chars()
        .map(|c| match c {
            '\n' | '\r' => c.to_string(),
            other => " ".repeat(other.len_utf8()),
        })
        .collect();
    text.replace_range(range, &spaces);
}

/// The ranges of the `type` of each top-level `variable` block.
fn type_constraints(body: &Body) -> Vec<Range<usize>> {
    body.iter()
        .filter_map(|s| s.as_block())
        .filter(|b| b.ident.as_str() == "variable")
        .filter_map(|b| b.body.get_attribute("type"))
        .filter_map(|a| a.value.span())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::hcl::parse_hcl;
    use crate::{Limits, SyntaxErrorKind};
    use hcl_edit::expr::Expression;
    use hcl_edit::structure::Body;
    use hcl_edit::Span;

    fn parse(text: &str) -> super::HclFile {
        match parse_hcl(text, Limits::default()) {
            Ok(file) => file,
            Err(e) => panic!("{e:?}"),
        }
    }

    /// Each item of the object that attribute `name` of the first block (or of the body) is:
    /// its key and value as written.
    fn items<'t>(text: &'t str, body: &Body, name: &str) -> Vec<(&'t str, &'t str)> {
        let attr = body.get_attribute(name).or_else(|| {
            body.iter()
                .filter_map(|s| s.as_block())
                .find_map(|b| b.body.get_attribute(name))
        });
        let Some(Expression::Object(object)) = attr.map(|a| &a.value) else {
            panic!("no object `{name}`");
        };
        object
            .iter()
            .map(|(k, v)| {
                let key = k.span().and_then(|r| text.get(r)).unwrap_or("?");
                let value = v.expr().span().and_then(|r| text.get(r)).unwrap_or("?");
                (key, value)
            })
            .collect()
    }

    #[test]
    fn the_last_of_duplicate_keys_wins_with_exact_spans() {
        let text = "locals {\n  x = { a = 1, b = 2, a = 3 }\n}\n";
        let file = parse(text);
        assert_eq!(items(text, &file.body, "x"), vec![("b", "2"), ("a", "3")]);
        assert!(file.type_duplicates.is_empty());
    }

    #[test]
    fn duplicates_on_lines_quoted_three_times_and_in_nested_objects() {
        let text = [
            "x = {",
            "  \"mode\" = \"AUDIT\" # first",
            "  other = { k = <<EOT",
            "heredoc { \"",
            "EOT",
            "    k = \"é\", k = 2 }",
            "  mode = \"OFF\"",
            "  \"mode\" = \"ENFORCED\"",
            "}",
            "",
        ]
        .join("\n");
        let file = parse(&text);
        // `"mode"` and `mode` are different keys to hcl-edit; the evaluator merges them.
        assert_eq!(
            items(&text, &file.body, "x"),
            vec![
                (
                    "other",
                    "{ k = <<EOT\nheredoc { \"\nEOT\n    k = \"é\", k = 2 }"
                ),
                ("mode", "\"OFF\""),
                ("\"mode\"", "\"ENFORCED\""),
            ]
        );
    }

    #[test]
    fn computed_keys_compare_as_hcl_edit_compares_them() {
        let text = "x = { (var.k) = 1, ( var.k ) = 2, \"${a}\" : 3, \"${a}\" : 4 }\n";
        let file = parse(text);
        assert_eq!(
            items(text, &file.body, "x"),
            vec![("( var.k )", "2"), ("\"${a}\"", "4")]
        );
    }

    #[test]
    fn a_short_key_gets_a_placeholder_written_nowhere_else() {
        // Every one-letter name but `_` and `Z` is a word of this file.
        let letters: String = ('a'..='z')
            .chain('A'..='Y')
            .map(|c| format!("{c} = 1\n"))
            .collect();
        let text = format!("# _\n{letters}obj = {{ q = 1, q = 2 }}\n");
        let file = parse(&text);
        assert_eq!(items(&text, &file.body, "obj"), vec![("q", "2")]);
        // With `Z` written too, no one-letter placeholder is left: the file is refused as
        // hcl-edit refused it.
        let text = format!("# _ Z\n{letters}obj = {{ q = 1, q = 2 }}\n");
        match parse_hcl(&text, Limits::default()) {
            Err(e) => assert!(e.message.contains("redefined object key"), "{}", e.message),
            Ok(_) => panic!("no placeholder is left"),
        }
    }

    #[test]
    fn duplicate_attributes_of_a_body_stay_an_error() {
        let err = parse_hcl(
            "resource \"x\" \"y\" {\n  a = 1\n  a = 2\n}\n",
            Limits::default(),
        );
        match err {
            Err(e) => {
                assert!(e.message.contains("redefined attribute"), "{}", e.message);
                assert_eq!(e.range.start, 29);
            }
            Ok(_) => panic!("a duplicate attribute must be refused"),
        }
        // Also when the file has a duplicate object key first.
        let text = "x = { a = 1, a = 2 }\ny = 1\ny = 2\n";
        match parse_hcl(text, Limits::default()) {
            Err(e) => assert_eq!(
                e.message,
                "invalid attribute; expected unique attribute key; found redefined attribute in `y = 2`"
            ),
            Ok(_) => panic!("a duplicate attribute must be refused"),
        }
    }

    #[test]
    fn a_duplicate_in_a_type_constraint_is_reported() {
        let text = [
            "variable \"pool\" {",
            "  type = object({ mode = string, mode = number })",
            "  default = { mode = \"AUDIT\", mode = \"ENFORCED\" }",
            "}",
            "",
        ]
        .join("\n");
        let file = parse(&text);
        assert_eq!(file.type_duplicates.len(), 1, "{:?}", file.type_duplicates);
        let dup = &file.type_duplicates[0];
        assert_eq!(dup.key, "mode");
        assert_eq!(&text[dup.first.as_usize()], "mode");
        let first = text.find("mode").unwrap_or_default();
        let second = first + 1 + text[first + 1..].find("mode").unwrap_or_default();
        assert_eq!(dup.first.as_usize(), first..first + 4);
        assert_eq!(dup.second.as_usize(), second..second + 4);
        assert_eq!(
            items(&text, &file.body, "default"),
            vec![("mode", "\"ENFORCED\"")]
        );
    }

    #[test]
    fn other_errors_are_quoted_from_the_text_as_written() {
        let text = "x = { abc = 1, abc = 2 }\ny = { abc = 3 \n";
        match parse_hcl(text, Limits::default()) {
            Err(e) => {
                assert_eq!(e.kind, SyntaxErrorKind::Malformed);
                assert!(!e.message.contains("_zq"), "{}", e.message);
            }
            Ok(_) => panic!("an unclosed object must be refused"),
        }
    }

    #[test]
    fn too_many_duplicates_are_refused() {
        let items: String = (0..=super::MAX_DUPLICATES).map(|_| "a = 1, ").collect();
        let text = format!("x = {{ {items}a = 2 }}\n");
        match parse_hcl(&text, Limits::default()) {
            Err(e) => assert!(e.message.starts_with("more than 32"), "{}", e.message),
            Ok(_) => panic!("past the cap the file is refused"),
        }
        let items: String = (0..super::MAX_DUPLICATES).map(|_| "a = 1, ").collect();
        let text = format!("x = {{ {items}a = 2 }}\n");
        let file = parse(&text);
        assert_eq!(items_of(&text, &file.body), vec![("a", "2")]);
    }

    fn items_of<'t>(text: &'t str, body: &Body) -> Vec<(&'t str, &'t str)> {
        items(text, body, "x")
    }
}

//! JSON to located tree, over jsonc-parser's AST with every JSONC extension turned off, so that
//! what CloudFormation would reject is reported here too.

use coglint_source::{FileId, TextRange};
use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

use crate::tree::{
    Document, DuplicateKey, Entry, Key, MappingBuilder, Node, NodeKind, Scalar, ScalarStyle,
};
use crate::{Limits, SyntaxError, SyntaxErrorKind};

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn range(r: jsonc_parser::common::Range) -> TextRange {
    TextRange::from_usize(r.start, r.end)
}

/// Parses a strict JSON document.
pub fn parse_json(file: FileId, text: &str, limits: Limits) -> Result<Document, SyntaxError> {
    let text_without_bom = crate::without_bom(text);
    let text: &str = &text_without_bom;
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    let parsed = jsonc_parser::parse_to_ast(text, &collect, &strict()).map_err(|e| {
        let message = e.kind().to_string();
        let kind = if message.contains("nesting depth") {
            SyntaxErrorKind::TooDeep
        } else {
            SyntaxErrorKind::Malformed
        };
        SyntaxError::new(kind, message, range(e.range()))
    })?;
    let Some(value) = parsed.value else {
        return Err(SyntaxError::new(
            SyntaxErrorKind::Malformed,
            "the file holds no JSON value",
            TextRange::empty(0),
        ));
    };
    let mut duplicates = Vec::new();
    let root = convert(file, &value, 0, limits, &mut duplicates)?;
    Ok(Document {
        root,
        comments: Vec::new(),
        duplicate_keys: duplicates,
        next_document: None,
    })
}

fn convert(
    file: FileId,
    value: &Value<'_>,
    depth: usize,
    limits: Limits,
    duplicates: &mut Vec<DuplicateKey>,
) -> Result<Node, SyntaxError> {
    let scalar = |r, text: String, style| Node {
        file,
        range: range(r),
        kind: NodeKind::Scalar(Scalar { text, style }),
    };
    Ok(match value {
        Value::StringLit(s) => scalar(s.range, s.value.to_string(), ScalarStyle::Quoted),
        Value::NumberLit(n) => scalar(n.range, n.value.to_string(), ScalarStyle::Number),
        Value::BooleanLit(b) => scalar(b.range, b.value.to_string(), ScalarStyle::Bool),
        Value::NullKeyword(n) => scalar(n.range, "null".to_string(), ScalarStyle::Null),
        Value::Array(a) => {
            check_depth(depth, limits, range(a.range))?;
            let items = a
                .elements
                .iter()
                .map(|v| convert(file, v, depth + 1, limits, duplicates))
                .collect::<Result<Vec<_>, _>>()?;
            Node {
                file,
                range: range(a.range),
                kind: NodeKind::Sequence(items),
            }
        }
        Value::Object(o) => {
            check_depth(depth, limits, range(o.range))?;
            let mut builder = MappingBuilder::default();
            for prop in &o.properties {
                let key = match &prop.name {
                    ObjectPropName::String(s) => Key {
                        text: s.value.to_string(),
                        file,
                        range: range(s.range),
                    },
                    ObjectPropName::Word(w) => Key {
                        text: w.value.to_string(),
                        file,
                        range: range(w.range),
                    },
                };
                let value = convert(file, &prop.value, depth + 1, limits, duplicates)?;
                builder.push(Entry { key, value }, duplicates);
            }
            Node {
                file,
                range: range(o.range),
                kind: NodeKind::Mapping(builder.finish()),
            }
        }
    })
}

fn check_depth(depth: usize, limits: Limits, at: TextRange) -> Result<(), SyntaxError> {
    if depth >= limits.max_depth {
        return Err(SyntaxError::new(
            SyntaxErrorKind::TooDeep,
            format!("nesting deeper than {} levels", limits.max_depth),
            at,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_keys_have_byte_ranges() {
        let text = "{\"é\": {\"MinimumLength\": 12, \"Flows\": [\"code\", \"implicit\"]}}";
        let doc = match parse_json(FileId(0), text, Limits::default()) {
            Ok(d) => d,
            Err(e) => panic!("{e:?}"),
        };
        let inner = doc.root.entry("é");
        assert_eq!(inner.map(|e| &text[e.key.range.as_usize()]), Some("\"é\""));
        let len = inner.and_then(|e| e.value.get("MinimumLength"));
        assert_eq!(len.map(|n| &text[n.range.as_usize()]), Some("12"));
        assert_eq!(
            len.and_then(|n| n.scalar()).map(|s| s.style),
            Some(ScalarStyle::Number)
        );
        let implicit = inner
            .and_then(|e| e.value.get("Flows"))
            .and_then(|f| f.items())
            .and_then(|i| i.get(1));
        assert_eq!(
            implicit.map(|n| &text[n.range.as_usize()]),
            Some("\"implicit\"")
        );
    }

    #[test]
    fn big_integers_keep_their_digits() {
        let doc = parse_json(
            FileId(0),
            "{\"n\": 123456789012345678901234567890}",
            Limits::default(),
        );
        let n = doc
            .ok()
            .and_then(|d| d.root.get("n").and_then(|n| n.as_str()).map(str::to_string));
        assert_eq!(n.as_deref(), Some("123456789012345678901234567890"));
    }

    #[test]
    fn duplicate_keys_are_kept_and_reported() {
        let doc = parse_json(FileId(0), "{\"a\": 1, \"a\": 2}", Limits::default());
        let Ok(doc) = doc else { panic!("parse failed") };
        assert_eq!(doc.duplicate_keys.len(), 1);
        assert_eq!(doc.root.get("a").and_then(|n| n.as_str()), Some("2"));
    }

    #[test]
    fn comments_and_trailing_commas_are_errors() {
        assert!(parse_json(FileId(0), "{\"a\": 1, // no\n}", Limits::default()).is_err());
        assert!(parse_json(FileId(0), "{\"a\": 1,}", Limits::default()).is_err());
        let err = parse_json(FileId(0), "{\n  \"a\": }", Limits::default());
        assert!(matches!(
            err,
            Err(SyntaxError {
                kind: SyntaxErrorKind::Malformed,
                ..
            })
        ));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse_json(FileId(0), &text, Limits::default()).is_err());
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let err = parse_json(FileId(0), &text, Limits::default());
        assert!(matches!(
            err,
            Err(SyntaxError {
                kind: SyntaxErrorKind::TooDeep,
                ..
            })
        ));
    }
}

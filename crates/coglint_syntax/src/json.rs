//! JSON to located tree, with every JSONC extension of jsonc-parser turned off, so that what
//! CloudFormation would reject is reported here too. The tree is built straight from
//! jsonc-parser's tokens; a text the builder does not take whole (an error, nesting too deep)
//! goes through jsonc-parser's AST instead, which says what is wrong and where.

use coglint_source::{FileId, TextRange};
use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::tokens::Token;
use jsonc_parser::{
    CollectOptions, CommentCollectionStrategy, ParseOptions, Scanner, ScannerOptions,
};

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
    if let Some((root, duplicate_keys)) = Builder::build(file, text, limits) {
        return Ok(Document {
            root,
            comments: Vec::new(),
            duplicate_keys,
            next_document: None,
        });
    }
    parse_through_ast(file, text, limits)
}

/// jsonc-parser's AST converted: slower and twice the memory, but it says where and why a text
/// is not JSON.
fn parse_through_ast(file: FileId, text: &str, limits: Limits) -> Result<Document, SyntaxError> {
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

/// The tree built from the scanner's tokens, for a text that is strict JSON nested less deeply
/// than the limits allow; `None` for any other text, which [`parse_through_ast`] reports on.
struct Builder<'a> {
    file: FileId,
    scanner: Scanner<'a>,
    /// Deeper than this is left to the AST (the limit, or jsonc-parser's own, the smaller).
    max_depth: usize,
    duplicates: Vec<DuplicateKey>,
}

impl<'a> Builder<'a> {
    fn build(file: FileId, text: &'a str, limits: Limits) -> Option<(Node, Vec<DuplicateKey>)> {
        // Scanned as the AST's parser scans with the strict options.
        let strict = strict();
        let options = ScannerOptions {
            allow_single_quoted_strings: strict.allow_single_quoted_strings,
            allow_hexadecimal_numbers: strict.allow_hexadecimal_numbers,
            allow_unary_plus_numbers: strict.allow_unary_plus_numbers,
            allow_bare_decimal_point_numbers: strict.allow_bare_decimal_point_numbers,
            allow_non_finite_numbers: strict.allow_non_finite_numbers,
            allow_extended_string_escapes: strict.allow_extended_string_escapes,
        };
        let mut builder = Builder {
            file,
            scanner: Scanner::new(text, &options),
            max_depth: limits.max_depth.min(JSONC_MAX_DEPTH),
            duplicates: Vec::new(),
        };
        let first = builder.next()?;
        let root = builder.value(first, 0)?;
        // One value, and nothing after it.
        match builder.scanner.scan() {
            Ok(None) => Some((root, builder.duplicates)),
            _ => None,
        }
    }

    /// The next token; `None` at the end or on an error.
    fn next(&mut self) -> Option<Token<'a>> {
        self.scanner.scan().ok().flatten()
    }

    fn range(&self, start: usize) -> TextRange {
        TextRange::from_usize(start, self.scanner.token_end())
    }

    /// The value that starts with `token` (just scanned).
    fn value(&mut self, token: Token<'a>, depth: usize) -> Option<Node> {
        let start = self.scanner.token_start();
        let scalar = |this: &Self, text: String, style| Node {
            file: this.file,
            range: this.range(start),
            kind: NodeKind::Scalar(Scalar { text, style }),
        };
        let kind = match token {
            Token::String(s) => return Some(scalar(self, s.into_owned(), ScalarStyle::Quoted)),
            Token::Number(n) => return Some(scalar(self, n.to_string(), ScalarStyle::Number)),
            Token::Boolean(b) => return Some(scalar(self, b.to_string(), ScalarStyle::Bool)),
            Token::Null => return Some(scalar(self, "null".to_string(), ScalarStyle::Null)),
            _ if depth >= self.max_depth => return None,
            Token::OpenBracket => NodeKind::Sequence(self.items(depth)?),
            Token::OpenBrace => NodeKind::Mapping(self.entries(depth)?),
            _ => return None,
        };
        Some(Node {
            file: self.file,
            range: self.range(start),
            kind,
        })
    }

    /// An array's items, after its `[`, up to its `]`.
    fn items(&mut self, depth: usize) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        let mut token = self.next()?;
        if token == Token::CloseBracket {
            return Some(items);
        }
        loop {
            items.push(self.value(token, depth + 1)?);
            match self.next()? {
                Token::Comma => token = self.next()?,
                Token::CloseBracket => return Some(items),
                _ => return None,
            }
            // No trailing comma.
            if token == Token::CloseBracket {
                return None;
            }
        }
    }

    /// An object's entries, after its `{`, up to its `}`.
    fn entries(&mut self, depth: usize) -> Option<Vec<Entry>> {
        let mut builder = MappingBuilder::default();
        let mut token = self.next()?;
        if token == Token::CloseBrace {
            return Some(builder.finish());
        }
        loop {
            let Token::String(name) = token else {
                return None;
            };
            let key = Key {
                text: name.into_owned(),
                file: self.file,
                range: self.range(self.scanner.token_start()),
            };
            if self.next()? != Token::Colon {
                return None;
            }
            let first = self.next()?;
            let value = self.value(first, depth + 1)?;
            builder.push(Entry { key, value }, &mut self.duplicates);
            match self.next()? {
                Token::Comma => token = self.next()?,
                Token::CloseBrace => return Some(builder.finish()),
                _ => return None,
            }
        }
    }
}

/// jsonc-parser refuses nesting deeper than 512 levels; the builder leaves such texts to it.
const JSONC_MAX_DEPTH: usize = 500;

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

    /// The builder's tree, when it takes a text, is the AST's, duplicates included; a text it
    /// does not take is one the AST refuses or one nested too deeply for it.
    fn same_as_the_ast(text: &str) -> bool {
        let limits = Limits::default();
        let built = Builder::build(FileId(3), text, limits);
        let through_ast = parse_through_ast(FileId(3), text, limits);
        match (built, through_ast) {
            (Some((root, duplicates)), Ok(doc)) => {
                assert_eq!(root, doc.root, "{text}");
                assert_eq!(duplicates, doc.duplicate_keys, "{text}");
                true
            }
            (Some(_), Err(e)) => panic!("the builder took what the AST refuses: {text} {e:?}"),
            (None, result) => {
                assert!(result.is_err(), "the builder left a valid text: {text}");
                false
            }
        }
    }

    #[test]
    fn the_tree_built_from_tokens_is_the_tree_of_the_ast() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let taken = [
            "{}",
            "[]",
            " { \"a\" : [1, -2.5e3, true, false, null, \"x\\n\\u00e9\"], \"b\": {\"c\": {}} } ",
            "{\"a\": 1, \"a\": {\"b\": 2}, \"c\": 3}",
            "\"just a string\"",
            "123456789012345678901234567890",
            "{\"é\": [\"ü\", {\"k\": []}]}",
        ];
        for text in taken {
            assert!(same_as_the_ast(text), "{text}");
        }
        let refused = [
            "",
            "   ",
            "{\"a\": 1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1} {}",
            "{a: 1}",
            "{'a': 1}",
            "[0x1F]",
            "[+1]",
            "[.5]",
            "[NaN]",
            "[\"\\x41\"]",
            "{\"a\": 1, // c\n}",
            "/* c */ {}",
            "[1",
            "{\"a\":",
            "[tru]",
            "]",
            deep.as_str(),
        ];
        for text in refused {
            assert!(!same_as_the_ast(text), "{text}");
        }
    }

    #[test]
    fn every_json_file_of_the_testdata_builds_as_through_the_ast() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
        let mut stack = vec![root];
        let mut taken = 0;
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    taken += usize::from(same_as_the_ast(&crate::without_bom(&text)));
                }
            }
        }
        assert!(taken > 100, "{taken} files");
    }

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

//! YAML to located tree, over granit-parser's event stream.
//!
//! Collections are built on an explicit stack (no recursion on input depth). Aliases repeat their
//! anchor's subtree, counted against [`Limits::max_alias_nodes`] so that an alias bomb ends in an
//! error instead of exhausting memory. Only the first document of a stream is read.

use std::collections::HashMap;

use coglint_source::{FileId, TextRange};
use granit_parser::{
    Event, Parser, ScalarStyle as YamlStyle, Span as YamlSpan, StructureStyle, Tag,
};

use crate::tree::{
    Comment, Document, DuplicateKey, Entry, Key, MappingBuilder, Node, NodeKind, Scalar,
    ScalarStyle,
};
use crate::{Limits, SyntaxError, SyntaxErrorKind};

/// CloudFormation's short-form tags and the long-form key each stands for.
fn long_form(tag: &Tag) -> Option<&'static str> {
    if tag.handle() != "!" {
        return None;
    }
    Some(match tag.suffix() {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "GetAtt" => "Fn::GetAtt",
        "Sub" => "Fn::Sub",
        "Join" => "Fn::Join",
        "If" => "Fn::If",
        "Equals" => "Fn::Equals",
        "Not" => "Fn::Not",
        "And" => "Fn::And",
        "Or" => "Fn::Or",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "FindInMap" => "Fn::FindInMap",
        "Base64" => "Fn::Base64",
        "Cidr" => "Fn::Cidr",
        "ImportValue" => "Fn::ImportValue",
        "GetAZs" => "Fn::GetAZs",
        "Transform" => "Fn::Transform",
        "Length" => "Fn::Length",
        "ToJsonString" => "Fn::ToJsonString",
        "ForEach" => "Fn::ForEach",
        _ => return None,
    })
}

struct Pending {
    /// The long-form key and the tag token's range, for a node written with a short-form tag.
    tag: Option<(String, TextRange)>,
    anchor: usize,
}

enum Frame {
    Sequence {
        start: u32,
        flow: bool,
        items: Vec<Node>,
        pending: Pending,
    },
    Mapping {
        start: u32,
        flow: bool,
        builder: MappingBuilder,
        key: Option<Key>,
        pending: Pending,
    },
}

fn range_of(span: &YamlSpan) -> TextRange {
    match span.byte_range() {
        Some(r) => TextRange::from_usize(r.start, r.end),
        None => TextRange::default(),
    }
}

fn tag_info(tag: Option<&Tag>, span: &YamlSpan) -> Option<(String, TextRange)> {
    let tag = tag?;
    let key = match long_form(tag) {
        Some(k) => k.to_string(),
        // Core-schema tags (`!!str`) only fix the type; other local tags are kept under their name
        // so the front end can call them unsupported.
        None if tag.handle() == "!" => format!("!{}", tag.suffix()),
        None => return None,
    };
    let range = span.tag_span().map(|s| range_of(&s)).unwrap_or_else(|| {
        let start = range_of(span).start;
        TextRange::empty(start)
    });
    Some((key, range))
}

/// Wraps a node written with a short-form tag into its long form, spanning tag and value.
fn apply_tag(node: Node, tag: Option<(String, TextRange)>) -> Node {
    let file = node.file;
    match tag {
        None => node,
        Some((key, key_range)) => {
            let range = key_range.cover(node.range);
            Node {
                file,
                range,
                kind: NodeKind::Mapping(vec![Entry {
                    key: Key {
                        text: key,
                        file,
                        range: key_range,
                    },
                    value: node,
                }]),
            }
        }
    }
}

/// Parses the first document of a YAML stream, and notes where a second one starts.
pub fn parse_yaml(file: FileId, text: &str, limits: Limits) -> Result<Document, SyntaxError> {
    let mut options = granit_parser::Options::default();
    options.flow_nesting_limit = limits.max_depth;
    options.block_nesting_limit = limits.max_depth;
    let mut events = Parser::new_from_str_with_options(text, options);

    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut alias_nodes = 0usize;
    let mut comments = Vec::new();
    let mut duplicates: Vec<DuplicateKey> = Vec::new();
    let mut root: Option<Node> = None;
    let mut in_document = false;
    let mut next_document = None;
    // Whether the first document ended with its end event (the next one is not read yet).
    let mut ended = false;

    for next in events.by_ref() {
        let (event, span) = next.map_err(|e| {
            let offset = e.marker().byte_offset().unwrap_or(0);
            SyntaxError::new(
                SyntaxErrorKind::Malformed,
                e.info(),
                TextRange::from_usize(offset, offset),
            )
        })?;
        let complete: Node = match event {
            Event::StreamStart | Event::StreamEnd => continue,
            Event::DocumentStart(..) => {
                if root.is_some() {
                    next_document = Some(range_of(&span));
                    break;
                }
                in_document = true;
                continue;
            }
            Event::DocumentEnd => {
                if in_document {
                    ended = true;
                    break;
                }
                continue;
            }
            Event::Comment(body, _) => {
                comments.push(Comment {
                    text: body.into_owned(),
                    range: range_of(&span),
                });
                continue;
            }
            // Anchor metadata, and any event kind added to the parser later, carries no value.
            Event::Anchor(..) => continue,
            Event::UnresolvedAlias(name) => {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::Malformed,
                    format!("alias `*{name}` refers to no anchor"),
                    range_of(&span),
                ));
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err(SyntaxError::new(
                        SyntaxErrorKind::Malformed,
                        "alias refers to an anchor that is not complete yet",
                        range_of(&span),
                    ));
                };
                alias_nodes += target.count();
                if alias_nodes > limits.max_alias_nodes {
                    return Err(SyntaxError::new(
                        SyntaxErrorKind::AliasExpansion,
                        format!(
                            "aliases expand to more than {} nodes (an alias bomb?)",
                            limits.max_alias_nodes
                        ),
                        range_of(&span),
                    ));
                }
                target.clone()
            }
            Event::Scalar(value, style, anchor, tag) => {
                let range = range_of(&span);
                let tag_ref = tag.as_deref();
                let is_core_str = tag_ref.is_some_and(|t| t.is_yaml_core_schema_tag("str"));
                let style = match style {
                    YamlStyle::Plain if !is_core_str => ScalarStyle::Plain,
                    _ => ScalarStyle::Quoted,
                };
                let node = Node {
                    file,
                    range,
                    kind: NodeKind::Scalar(Scalar {
                        text: value.into_owned(),
                        style,
                    }),
                };
                let node = apply_tag(node, tag_info(tag_ref, &span));
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::SequenceStart(style, anchor, tag) => {
                if stack.len() >= limits.max_depth {
                    return Err(too_deep(limits, range_of(&span)));
                }
                stack.push(Frame::Sequence {
                    start: range_of(&span).start,
                    flow: style == StructureStyle::Flow,
                    items: Vec::new(),
                    pending: Pending {
                        tag: tag_info(tag.as_deref(), &span),
                        anchor,
                    },
                });
                continue;
            }
            Event::MappingStart(style, anchor, tag) => {
                if stack.len() >= limits.max_depth {
                    return Err(too_deep(limits, range_of(&span)));
                }
                stack.push(Frame::Mapping {
                    start: range_of(&span).start,
                    flow: style == StructureStyle::Flow,
                    builder: MappingBuilder::default(),
                    key: None,
                    pending: Pending {
                        tag: tag_info(tag.as_deref(), &span),
                        anchor,
                    },
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end_range = range_of(&span);
                let Some(frame) = stack.pop() else {
                    continue;
                };
                let (node, pending) = match frame {
                    Frame::Sequence {
                        start,
                        flow,
                        items,
                        pending,
                    } => {
                        let end = collection_end(
                            flow,
                            start,
                            end_range,
                            items.last().map(|n| n.range.end),
                        );
                        (
                            Node {
                                file,
                                range: TextRange::new(start, end),
                                kind: NodeKind::Sequence(items),
                            },
                            pending,
                        )
                    }
                    Frame::Mapping {
                        start,
                        flow,
                        builder,
                        key,
                        pending,
                    } => {
                        let mut entries = builder.finish();
                        if let Some(key) = key {
                            // `{a}` in flow style: a key without a value is a null value.
                            let at = key.range.end;
                            entries.push(Entry {
                                key,
                                value: Node {
                                    file,
                                    range: TextRange::empty(at),
                                    kind: NodeKind::Scalar(Scalar {
                                        text: String::new(),
                                        style: ScalarStyle::Plain,
                                    }),
                                },
                            });
                        }
                        let last = entries
                            .last()
                            .map(|e| e.value.range.end.max(e.key.range.end));
                        let end = collection_end(flow, start, end_range, last);
                        (
                            Node {
                                file,
                                range: TextRange::new(start, end),
                                kind: NodeKind::Mapping(entries),
                            },
                            pending,
                        )
                    }
                };
                let node = apply_tag(node, pending.tag);
                if pending.anchor != 0 {
                    anchors.insert(pending.anchor, node.clone());
                }
                node
            }
            _ => continue,
        };

        // Attach the completed node to its parent, or make it the root.
        match stack.last_mut() {
            None => root = Some(complete),
            Some(Frame::Sequence { items, .. }) => items.push(complete),
            Some(Frame::Mapping { builder, key, .. }) => match key.take() {
                None => match complete.kind {
                    NodeKind::Scalar(s) => {
                        *key = Some(Key {
                            text: s.text,
                            file,
                            range: complete.range,
                        })
                    }
                    _ => {
                        return Err(SyntaxError::new(
                            SyntaxErrorKind::Unsupported,
                            "a collection used as a mapping key is not supported",
                            complete.range,
                        ))
                    }
                },
                Some(k) => builder.push(
                    Entry {
                        key: k,
                        value: complete,
                    },
                    &mut duplicates,
                ),
            },
        }
    }

    if ended {
        // One more event says whether another document follows; its content is not parsed.
        if let Some(Ok((Event::DocumentStart(..), span))) = events.next() {
            next_document = Some(range_of(&span));
        }
    }
    let root = root.unwrap_or(Node {
        file,
        range: TextRange::empty(0),
        kind: NodeKind::Scalar(Scalar {
            text: String::new(),
            style: ScalarStyle::Plain,
        }),
    });
    Ok(Document {
        root,
        comments,
        duplicate_keys: duplicates,
        next_document,
    })
}

fn collection_end(flow: bool, start: u32, end_event: TextRange, last_child: Option<u32>) -> u32 {
    let end = if flow {
        end_event.end
    } else {
        last_child.unwrap_or(start)
    };
    end.max(start)
}

fn too_deep(limits: Limits, range: TextRange) -> SyntaxError {
    SyntaxError::new(
        SyntaxErrorKind::TooDeep,
        format!("nesting deeper than {} levels", limits.max_depth),
        range,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Document {
        match parse_yaml(FileId(0), text, Limits::default()) {
            Ok(d) => d,
            Err(e) => panic!("parse failed: {e:?}"),
        }
    }

    fn slice(text: &str, r: TextRange) -> &str {
        &text[r.as_usize()]
    }

    #[test]
    fn keys_and_values_carry_byte_ranges() {
        let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Name: \"é x\"\n";
        let doc = parse(text);
        let pool = doc.root.get("Resources").and_then(|r| r.entry("Pool"));
        let pool = pool.map(|e| (slice(text, e.key.range), &e.value));
        let Some((key, pool)) = pool else {
            panic!("no pool")
        };
        assert_eq!(key, "Pool");
        let ty = pool.get("Type").map(|n| slice(text, n.range));
        assert_eq!(ty, Some("AWS::Cognito::UserPool"));
        let name = pool.get("Name");
        assert_eq!(name.map(|n| slice(text, n.range)), Some("\"é x\""));
        assert_eq!(
            name.and_then(|n| n.scalar()).map(|s| s.style),
            Some(ScalarStyle::Quoted)
        );
    }

    #[test]
    fn short_form_tags_become_long_form_with_tag_range() {
        let text = "a: !Ref Param\nb: !GetAtt [Pool, Arn]\nc: !If [Cond, x, !Ref AWS::NoValue]\nd: !Sub 'x-${AWS::Region}'\n";
        let doc = parse(text);
        let a = doc
            .root
            .get("a")
            .and_then(|n| n.entries())
            .map(|e| e.to_vec());
        let Some(a) = a else {
            panic!("a is not a mapping")
        };
        assert_eq!(a[0].key.text, "Ref");
        assert_eq!(slice(text, a[0].key.range), "!Ref");
        assert_eq!(a[0].value.as_str(), Some("Param"));
        let b = doc.root.get("b");
        assert_eq!(
            b.and_then(|b| b.get("Fn::GetAtt"))
                .and_then(|g| g.items())
                .map(|i| i.len()),
            Some(2)
        );
        assert_eq!(b.map(|b| slice(text, b.range)), Some("!GetAtt [Pool, Arn]"));
        let c = doc
            .root
            .get("c")
            .and_then(|c| c.get("Fn::If"))
            .and_then(|i| i.items());
        let no_value = c
            .and_then(|c| c.get(2))
            .and_then(|n| n.get("Ref"))
            .and_then(|n| n.as_str());
        assert_eq!(no_value, Some("AWS::NoValue"));
        let d = doc
            .root
            .get("d")
            .and_then(|d| d.get("Fn::Sub"))
            .and_then(|n| n.as_str());
        assert_eq!(d, Some("x-${AWS::Region}"));
    }

    #[test]
    fn plain_and_quoted_scalars_are_told_apart() {
        let doc = parse("a: ON\nb: \"ON\"\nc: !!str ON\nd:\n");
        let style = |k: &str| {
            doc.root
                .get(k)
                .and_then(|n| n.scalar())
                .map(|s| (s.text.clone(), s.style))
        };
        assert_eq!(style("a"), Some(("ON".into(), ScalarStyle::Plain)));
        assert_eq!(style("b"), Some(("ON".into(), ScalarStyle::Quoted)));
        assert_eq!(style("c"), Some(("ON".into(), ScalarStyle::Quoted)));
        assert!(doc
            .root
            .get("d")
            .and_then(|n| n.scalar())
            .is_some_and(|s| s.is_null()));
    }

    #[test]
    fn duplicate_keys_are_reported_with_both_locations() {
        let text = "a: 1\nb: 2\na: 3\n";
        let doc = parse(text);
        assert_eq!(doc.duplicate_keys.len(), 1);
        let d = &doc.duplicate_keys[0];
        assert_eq!((d.first.start, d.second.start), (0, 10));
    }

    #[test]
    fn many_keys_still_find_duplicates() {
        let mut text: String = (0..40).map(|i| format!("k{i}: v\n")).collect();
        text.push_str("k3: again\n");
        assert_eq!(parse(&text).duplicate_keys.len(), 1);
    }

    #[test]
    fn comments_are_kept() {
        let doc = parse("# top\na: 1 # right\n");
        let texts: Vec<_> = doc
            .comments
            .iter()
            .map(|c| c.text.trim().to_string())
            .collect();
        assert_eq!(texts, vec!["top", "right"]);
    }

    #[test]
    fn malformed_yaml_gives_an_error_with_an_offset() {
        let err = parse_yaml(FileId(0), "a: [1, 2\nb: 3\n", Limits::default());
        assert!(matches!(
            err,
            Err(SyntaxError {
                kind: SyntaxErrorKind::Malformed,
                ..
            })
        ));
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for n in names {
            text.push_str(&format!("{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = n;
        }
        let err = parse_yaml(FileId(0), &text, Limits::default());
        assert!(matches!(
            err,
            Err(SyntaxError {
                kind: SyntaxErrorKind::AliasExpansion,
                ..
            })
        ));
    }

    #[test]
    fn small_aliases_are_expanded() {
        let doc = parse("a: &x {k: v}\nb: *x\n");
        assert_eq!(
            doc.root
                .get("b")
                .and_then(|b| b.get("k"))
                .and_then(|n| n.as_str()),
            Some("v")
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000);
        assert!(parse_yaml(FileId(0), &text, Limits::default()).is_err());
        let block: String = (0..300).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert!(parse_yaml(FileId(0), &block, Limits::default()).is_err());
    }

    #[test]
    fn block_mapping_range_ends_at_last_value() {
        let text = "a:\n  b: 1\n  c: two\n\n# trailing\n";
        let doc = parse(text);
        let a = doc.root.get("a").map(|n| slice(text, n.range));
        assert_eq!(a, Some("b: 1\n  c: two"));
    }
}

//! The functions that compute text and lists: `Fn::Sub`, `Fn::Join`, `Fn::FindInMap`,
//! `Fn::Select`, `Fn::Split`.

use coglint_model::{Provenance, Scenario};
use coglint_syntax::{Node, NodeKind};

use super::{sub_pieces, Template};
use crate::value::{copies, Alt, Product, Resolved};

impl<'a> Template<'a> {
    /// Evaluates `node` to strings: each alternative is `Text`, `Texts` or `Unknown`.
    pub(super) fn texts_of(
        &self,
        node: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        Self::to_texts(self.resolve_at(node, scenario, depth + 1))
    }

    pub(super) fn to_texts(alts: Vec<Alt<'a>>) -> Vec<Alt<'a>> {
        alts.into_iter().map(Self::to_text).collect()
    }

    /// One alternative as a string (`Text`), a list of strings (`Texts`) or `Unknown`.
    pub(super) fn to_text(alt: Alt<'a>) -> Alt<'a> {
        let value = match alt.value {
            Resolved::Node(n) => match &n.kind {
                NodeKind::Scalar(s) => Resolved::Text(s.text.clone()),
                NodeKind::Sequence(items) => {
                    match items
                        .iter()
                        .map(|i| i.as_str().map(str::to_string))
                        .collect()
                    {
                        Some(texts) => Resolved::Texts(texts),
                        None => Resolved::Unknown("a list holding functions".into()),
                    }
                }
                NodeKind::Mapping(_) => {
                    Resolved::Unknown("a mapping where a string is expected".into())
                }
            },
            Resolved::Link(name) => Resolved::Unknown(format!(
                "the physical ID of `{name}` is known only at deployment"
            )),
            Resolved::Absent { .. } => {
                Resolved::Unknown("`AWS::NoValue` where a string is expected".into())
            }
            other => other,
        };
        Alt { value, ..alt }
    }

    pub(super) fn sub(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let (template, vars) = match &args.kind {
            NodeKind::Scalar(s) => (s.text.as_str(), None),
            NodeKind::Sequence(items) => match items.as_slice() {
                [t, v] => match t.as_str() {
                    Some(t) => (t, Some(v)),
                    None => {
                        return vec![self.unknown(
                            scenario,
                            node,
                            "`Fn::Sub` with a computed template",
                        )]
                    }
                },
                _ => {
                    return vec![self.unknown(
                        scenario,
                        node,
                        "`Fn::Sub` needs a string or [string, variables]",
                    )]
                }
            },
            NodeKind::Mapping(_) => {
                return vec![self.unknown(scenario, node, "`Fn::Sub` needs a string")]
            }
        };
        let mut product = Product::new(scenario, String::new());
        let mut rest = "";
        for (literal, name) in sub_pieces(template) {
            let Some(name) = name else {
                rest = literal;
                break;
            };
            if let Some(escaped) = name.strip_prefix('!') {
                product.map(|text| {
                    text.push_str(literal);
                    text.push_str("${");
                    text.push_str(escaped);
                    text.push('}');
                });
                continue;
            }
            // The first value that is not a string gives up the whole text.
            let mut failed = None;
            let step = product.extend(|s, text, next| {
                if failed.is_some() {
                    return;
                }
                let values = match vars.and_then(|v| v.get(name)) {
                    Some(var) => self.texts_of(var, s, depth),
                    None if name.contains('.') => {
                        failed = Some(self.unknown(
                            s,
                            node,
                            format!("`${{{name}}}` is an attribute known only at deployment"),
                        ));
                        return;
                    }
                    None => Self::to_texts(self.reference_name(node, name, s)),
                };
                let n = values.len();
                for (value, mut text) in values.into_iter().zip(copies(text, n)) {
                    match value.value {
                        Resolved::Text(v) => {
                            text.push_str(literal);
                            text.push_str(&v);
                            next.push((value.scenario, text));
                        }
                        Resolved::Unknown(reason) => {
                            failed = Some(self.unknown(&value.scenario, node, reason));
                            return;
                        }
                        _ => {
                            failed = Some(self.unknown(
                                &value.scenario,
                                node,
                                format!("`${{{name}}}` is not a string"),
                            ));
                            return;
                        }
                    }
                }
            });
            if let Some(failure) = failed {
                return vec![failure];
            }
            if let Err(too_many) = step {
                return vec![self.unknown(scenario, node, too_many.to_string())];
            }
        }
        product
            .into_combinations()
            .into_iter()
            .map(|(s, mut text)| {
                text.push_str(rest);
                Alt {
                    scenario: s,
                    value: Resolved::Text(text),
                    provenance: Provenance::Literal {
                        at: self.span(node),
                    },
                }
            })
            .collect()
    }

    pub(super) fn join(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [delimiter, list] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::Join` needs [delimiter, list]")];
        };
        let Some(delimiter) = delimiter.as_str() else {
            return vec![self.unknown(scenario, node, "`Fn::Join` with a computed delimiter")];
        };
        let mut out = Vec::new();
        for list_alt in self.list_items(list, scenario, depth) {
            match list_alt {
                Ok((s, parts)) => out.push(Alt {
                    scenario: s,
                    value: Resolved::Text(parts.join(delimiter)),
                    provenance: Provenance::Literal {
                        at: self.span(node),
                    },
                }),
                Err(alt) => out.push(alt),
            }
        }
        out
    }

    /// The string items of a list, in each scenario (items may be functions themselves).
    pub(super) fn list_items(
        &self,
        list: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Result<(Scenario, Vec<String>), Alt<'a>>> {
        let mut out = Vec::new();
        for alt in self.resolve_at(list, scenario, depth + 1) {
            match alt.value {
                Resolved::Texts(texts) => out.push(Ok((alt.scenario, texts))),
                Resolved::Node(n) if n.items().is_some() => {
                    for combination in self.list_at(n, &alt.scenario, depth + 1) {
                        out.push(combination.and_then(|(s, items)| {
                            let texts = items
                                .into_iter()
                                .map(|item| match Self::to_text(item) {
                                    Alt {
                                        value: Resolved::Text(t),
                                        ..
                                    } => Ok(t),
                                    unknown @ Alt {
                                        value: Resolved::Unknown(_),
                                        ..
                                    } => Err(unknown),
                                    other => Err(self.unknown(
                                        &other.scenario,
                                        list,
                                        "a list item is not a string",
                                    )),
                                })
                                .collect::<Result<Vec<_>, _>>()?;
                            Ok((s, texts))
                        }));
                    }
                }
                Resolved::Unknown(_) => out.push(Err(alt)),
                _ => out.push(Err(self.unknown(
                    &alt.scenario,
                    list,
                    "a list was expected",
                ))),
            }
        }
        out
    }

    pub(super) fn find_in_map(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [map, top, second, ..] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::FindInMap` needs [map, key, key]")];
        };
        let mut out = Vec::new();
        for m in self.texts_of(map, scenario, depth) {
            for t in self.texts_of(top, &m.scenario, depth) {
                for k in self.texts_of(second, &t.scenario, depth) {
                    let found = match (&m.value, &t.value, &k.value) {
                        (Resolved::Text(m), Resolved::Text(t), Resolved::Text(k)) => self
                            .mappings
                            .and_then(|maps| maps.get(m))
                            .and_then(|n| n.get(t))
                            .and_then(|n| n.get(k))
                            .ok_or_else(|| format!("mapping `{m}` has no entry `{t}`/`{k}`")),
                        _ => Err("`Fn::FindInMap` with keys known only at deployment".to_string()),
                    };
                    match found {
                        Ok(value) => out.extend(self.resolve_at(value, &k.scenario, depth + 1)),
                        Err(reason) => out.push(self.unknown(&k.scenario, node, reason)),
                    }
                }
            }
        }
        out
    }

    pub(super) fn select(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [index, list] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::Select` needs [index, list]")];
        };
        let mut out = Vec::new();
        for i in self.texts_of(index, scenario, depth) {
            let Resolved::Text(i_text) = &i.value else {
                out.push(i);
                continue;
            };
            let Ok(i_num) = i_text.trim().parse::<usize>() else {
                out.push(self.unknown(&i.scenario, index, "`Fn::Select` index is not a number"));
                continue;
            };
            for l in self.resolve_at(list, &i.scenario, depth + 1) {
                match &l.value {
                    Resolved::Node(n) => match n.items().and_then(|items| items.get(i_num)) {
                        Some(item) => out.extend(self.resolve_at(item, &l.scenario, depth + 1)),
                        None => out.push(self.unknown(
                            &l.scenario,
                            node,
                            "`Fn::Select` index out of range",
                        )),
                    },
                    Resolved::Texts(texts) => match texts.get(i_num) {
                        Some(t) => out.push(Alt {
                            value: Resolved::Text(t.clone()),
                            ..l.clone()
                        }),
                        None => out.push(self.unknown(
                            &l.scenario,
                            node,
                            "`Fn::Select` index out of range",
                        )),
                    },
                    _ => out.push(l.clone()),
                }
            }
        }
        out
    }

    pub(super) fn split(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [delimiter, source] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::Split` needs [delimiter, string]")];
        };
        let Some(delimiter) = delimiter.as_str().filter(|d| !d.is_empty()) else {
            return vec![self.unknown(scenario, node, "`Fn::Split` with a computed delimiter")];
        };
        self.texts_of(source, scenario, depth)
            .into_iter()
            .map(|a| match a.value {
                Resolved::Text(t) => Alt {
                    value: Resolved::Texts(t.split(delimiter).map(str::to_string).collect()),
                    ..a
                },
                _ => a,
            })
            .collect()
    }
}

//! One resource instance's body read as a property source: attributes, nested and dynamic
//! blocks, and policy documents, through the module's variables and locals.

use coglint_model::{Provenance, Scenario};
use coglint_source::{FileId, Span};
use coglint_syntax::Node;

use super::eval::{unknown, Scope};
use super::module::{span_of, BodyRef, Expr};
use crate::lowering::PropertySource;
use crate::lowering::{Element, ElementValue, Elements};
use crate::value::{Alt, Resolved};

/// One resource instance's body, read through the module's variables and locals.
pub(super) struct TfProperties<'s, 'm, 'a> {
    pub(super) scope: &'s Scope<'m, 'a>,
    pub(super) file: FileId,
    pub(super) body: BodyRef<'a>,
    pub(super) scenario: Scenario,
}

enum Position<'a> {
    Body(BodyRef<'a>),
    Value(Alt<'a>),
}

impl<'a> TfProperties<'_, '_, 'a> {
    fn at(&self, body: BodyRef<'a>) -> Span {
        match body {
            BodyRef::Hcl(body) => span_of(self.file, body),
            BodyRef::Json(node) => Span::new(self.file, node.range),
        }
    }

    /// The value of attribute `expr`, then what lies under it along `rest`.
    fn attribute(
        &self,
        expr: Expr<'a>,
        rest: &[&str],
        depth: usize,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        self.scope
            .eval_expr(expr, self.file, scenario)
            .into_iter()
            .flat_map(|alt| {
                let s = alt.scenario.clone();
                match alt.value {
                    Resolved::Absent { .. } => vec![Alt {
                        value: Resolved::Absent { depth },
                        ..alt
                    }],
                    _ => self.navigate(Position::Value(alt), rest, depth + 1, &s),
                }
            })
            .collect()
    }

    fn navigate(
        &self,
        position: Position<'a>,
        path: &[&str],
        depth: usize,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let Some((key, rest)) = path.split_first() else {
            return match position {
                Position::Value(alt) => vec![alt],
                // A block read as a whole (is `sms_configuration` written?): an object whose
                // content is not evaluated here, which no scalar or list reading accepts.
                Position::Body(body) => vec![Alt {
                    scenario: scenario.clone(),
                    value: Resolved::Fields(Vec::new()),
                    provenance: Provenance::Literal { at: self.at(body) },
                }],
            };
        };
        let absent = |scenario: &Scenario, at: Span| Alt {
            scenario: scenario.clone(),
            value: Resolved::Absent { depth },
            provenance: Provenance::Literal { at },
        };
        match position {
            Position::Body(BodyRef::Hcl(body)) => {
                if let Some(attr) = body.get_attribute(key) {
                    return self.attribute(Expr::Hcl(&attr.value), rest, depth, scenario);
                }
                let mut blocks = body.iter().filter_map(|s| s.as_block());
                if let Some(block) = blocks.find(|b| b.ident.as_str() == *key) {
                    return self.navigate(
                        Position::Body(BodyRef::Hcl(&block.body)),
                        rest,
                        depth + 1,
                        scenario,
                    );
                }
                let dynamic = body.iter().filter_map(|s| s.as_block()).find(|b| {
                    b.ident.as_str() == "dynamic"
                        && b.labels.first().map(|l| l.as_str()) == Some(*key)
                });
                match dynamic {
                    Some(block) => self.dynamic(block, rest, depth, scenario),
                    None => vec![absent(scenario, self.at(BodyRef::Hcl(body)))],
                }
            }
            // In JSON, blocks and attributes look alike: an object (or a list of objects) on
            // the way down is a block; the rest are values.
            Position::Body(BodyRef::Json(node)) => match node.get(key) {
                Some(child) if !rest.is_empty() && child.entries().is_some() => self.navigate(
                    Position::Body(BodyRef::Json(child)),
                    rest,
                    depth + 1,
                    scenario,
                ),
                Some(child)
                    if !rest.is_empty()
                        && child
                            .items()
                            .and_then(|i| i.first())
                            .is_some_and(|f| f.entries().is_some()) =>
                {
                    match child.items().and_then(|i| i.first()) {
                        Some(first) => self.navigate(
                            Position::Body(BodyRef::Json(first)),
                            rest,
                            depth + 1,
                            scenario,
                        ),
                        None => Vec::new(),
                    }
                }
                Some(child) => self.attribute(Expr::Json(child), rest, depth, scenario),
                None if node.get("dynamic").and_then(|d| d.get(key)).is_some() => vec![unknown(
                    scenario,
                    Span::new(self.file, node.range),
                    "dynamic blocks in .tf.json are not evaluated",
                )],
                None => vec![absent(scenario, Span::new(self.file, node.range))],
            },
            Position::Value(alt) => match alt.value {
                Resolved::Fields(fields) => match fields.into_iter().find(|(k, _)| k == key) {
                    Some((_, v)) => {
                        let s = scenario
                            .merge(&v.scenario)
                            .unwrap_or_else(|| scenario.clone());
                        self.navigate(Position::Value(v), rest, depth + 1, &s)
                    }
                    None => vec![Alt {
                        value: Resolved::Absent { depth },
                        ..alt
                    }],
                },
                // A block written as a list of one object (`password_policy = [{...}]`).
                Resolved::Items(items) if items.len() == 1 => {
                    let item = items.into_iter().next();
                    match item {
                        Some(item) => self.navigate(Position::Value(item), path, depth, scenario),
                        None => Vec::new(),
                    }
                }
                Resolved::Unknown(_) => vec![alt],
                _ => vec![Alt {
                    value: Resolved::Unknown("a value where a block is expected".into()),
                    ..alt
                }],
            },
        }
    }

    /// `dynamic "key" { for_each = ...; content { ... } }`: the content of the first element,
    /// none when the collection is empty, unknown when it cannot be evaluated.
    fn dynamic(
        &self,
        block: &'a coglint_syntax::hcl_edit::structure::Block,
        rest: &[&str],
        depth: usize,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let at = span_of(self.file, block);
        let (Some(for_each), Some(content)) = (
            block.body.get_attribute("for_each"),
            block
                .body
                .iter()
                .filter_map(|s| s.as_block())
                .find(|b| b.ident.as_str() == "content"),
        ) else {
            return vec![unknown(
                scenario,
                at,
                "a dynamic block without for_each or content",
            )];
        };
        let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
            Some(coglint_syntax::hcl_edit::expr::Expression::Variable(v)) => v.as_str().to_string(),
            _ => block
                .labels
                .first()
                .map(|l| l.as_str().to_string())
                .unwrap_or_default(),
        };
        let mut out = Vec::new();
        for collection in self.scope.eval(&for_each.value, self.file.into(), scenario) {
            let first = match &collection.value {
                Resolved::Items(items) => items.first().map(|v| (v.clone(), v.clone())),
                Resolved::Fields(fields) => fields.first().map(|(k, v)| {
                    let key = Alt {
                        value: Resolved::Text(k.clone()),
                        ..v.clone()
                    };
                    (key, v.clone())
                }),
                Resolved::Absent { .. } => None,
                _ => {
                    out.push(unknown(
                        &collection.scenario,
                        at,
                        "a dynamic block over a collection known only at plan time",
                    ));
                    continue;
                }
            };
            let Some((key, value)) = first else {
                out.push(Alt {
                    scenario: collection.scenario.clone(),
                    value: Resolved::Absent { depth },
                    provenance: Provenance::Literal { at },
                });
                continue;
            };
            let element = Alt {
                scenario: collection.scenario.clone(),
                value: Resolved::Fields(vec![("key".into(), key), ("value".into(), value)]),
                provenance: Provenance::Literal { at },
            };
            let mut bindings = self.scope.bindings.clone();
            bindings.push((iterator.clone(), element));
            let scope = self.scope.with_bindings(bindings);
            let inner = TfProperties {
                scope: &scope,
                file: self.file,
                body: BodyRef::Hcl(&content.body),
                scenario: collection.scenario.clone(),
            };
            out.extend(inner.navigate(
                Position::Body(BodyRef::Hcl(&content.body)),
                rest,
                depth + 1,
                &collection.scenario,
            ));
        }
        out
    }
}

impl<'a> PropertySource<'a> for TfProperties<'_, '_, 'a> {
    fn read_document(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.document_in(self.body, path, &self.scenario)
            .unwrap_or_else(|| self.read(path))
    }

    fn read_element_document(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        let found = match &element.value {
            ElementValue::Block(body) => self.document_in(*body, path, &element.scenario),
            ElementValue::Value(_) => None,
        };
        found.unwrap_or_else(|| self.read_element(element, path))
    }

    fn read(&self, path: &[&str]) -> Vec<Alt<'a>> {
        let last = path.len().saturating_sub(1);
        self.navigate(Position::Body(self.body), path, 0, &self.scenario)
            .into_iter()
            .map(|mut alt| {
                if let Resolved::Absent { depth } = &mut alt.value {
                    *depth = (*depth).min(last);
                }
                alt
            })
            .collect()
    }

    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        // Terraform lists arrive evaluated (`Resolved::Items`); no source node is ever a list.
        vec![Err(unknown(
            scenario,
            Span::new(self.file, node.range),
            "an unexpected list",
        ))]
    }

    fn elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        let [key] = path else {
            return self.nested_elements(path);
        };
        let blocks: Vec<(Span, BodyRef<'a>)> = match self.body {
            BodyRef::Hcl(body) => {
                if let Some(attr) = body.get_attribute(key) {
                    return self.value_elements(Expr::Hcl(&attr.value));
                }
                let is_dynamic = body.iter().filter_map(|s| s.as_block()).any(|b| {
                    b.ident.as_str() == "dynamic"
                        && b.labels.first().map(|l| l.as_str()) == Some(*key)
                });
                if is_dynamic {
                    return vec![Err(unknown(
                        &self.scenario,
                        self.at(self.body),
                        format!("the `{key}` blocks are made by a dynamic block, not evaluated"),
                    ))];
                }
                body.iter()
                    .filter_map(|s| s.as_block())
                    .filter(|b| b.ident.as_str() == *key)
                    .map(|b| (span_of(self.file, b), BodyRef::Hcl(&b.body)))
                    .collect()
            }
            BodyRef::Json(node) => match node.get(key) {
                None if node.get("dynamic").and_then(|d| d.get(key)).is_some() => {
                    return vec![Err(unknown(
                        &self.scenario,
                        Span::new(self.file, node.range),
                        "dynamic blocks in .tf.json are not evaluated",
                    ))]
                }
                None => Vec::new(),
                Some(child) if child.entries().is_some() => {
                    vec![(Span::new(self.file, child.range), BodyRef::Json(child))]
                }
                Some(child)
                    if child
                        .items()
                        .is_some_and(|i| i.iter().all(|b| b.entries().is_some())) =>
                {
                    child
                        .items()
                        .unwrap_or(&[])
                        .iter()
                        .map(|b| (Span::new(self.file, b.range), BodyRef::Json(b)))
                        .collect()
                }
                Some(child) => return self.value_elements(Expr::Json(child)),
            },
        };
        let provenance = Provenance::Literal {
            at: blocks
                .first()
                .map(|(at, _)| *at)
                .unwrap_or_else(|| self.at(self.body)),
        };
        let elements = (!blocks.is_empty()).then(|| {
            blocks
                .into_iter()
                .map(|(at, body)| Element {
                    scenario: self.scenario.clone(),
                    at,
                    value: ElementValue::Block(body),
                })
                .collect()
        });
        vec![Ok(Elements {
            scenario: self.scenario.clone(),
            provenance,
            elements,
        })]
    }

    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        let last = path.len().saturating_sub(1);
        let position = match &element.value {
            ElementValue::Block(body) => Position::Body(*body),
            ElementValue::Value(alt) => Position::Value(alt.clone()),
        };
        self.navigate(position, path, 0, &element.scenario)
            .into_iter()
            .map(|mut alt| {
                if let Resolved::Absent { depth } = &mut alt.value {
                    *depth = (*depth).min(last);
                }
                alt
            })
            .collect()
    }
}

impl<'a> TfProperties<'_, '_, 'a> {
    /// A policy document written in `body` at `path` that is read as the object it renders:
    /// `jsonencode({...})` (each part at its place, links kept) or
    /// `data.aws_iam_policy_document.NAME.json` (the data source's statements).
    fn document_in(
        &self,
        body: BodyRef<'a>,
        path: &[&str],
        scenario: &Scenario,
    ) -> Option<Vec<Alt<'a>>> {
        use coglint_syntax::hcl_edit::expr::Expression;
        let ([key], BodyRef::Hcl(body)) = (path, body) else {
            return None;
        };
        let attr = body.get_attribute(key)?;
        if let Some(document) =
            super::policy_document::policy_document_of(self.scope, &attr.value, self.file, scenario)
        {
            return Some(vec![document]);
        }
        let Expression::FuncCall(call) = &attr.value else {
            return None;
        };
        let mut args = call.args.iter();
        match (args.next(), args.next()) {
            (Some(arg), None)
                if call.name.namespace.is_empty() && call.name.name.as_str() == "jsonencode" =>
            {
                Some(self.scope.eval(arg, self.file.into(), scenario))
            }
            _ => None,
        }
    }

    /// The elements of a list of blocks inside a block (`account_recovery_setting {
    /// recovery_mechanism { ... } }`): the enclosing block is found, then the list in it.
    fn nested_elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        let Some((outer, rest)) = path.split_first() else {
            return vec![Err(unknown(
                &self.scenario,
                self.at(self.body),
                "an empty path",
            ))];
        };
        let omitted = || {
            vec![Ok(Elements {
                scenario: self.scenario.clone(),
                provenance: Provenance::Literal {
                    at: self.at(self.body),
                },
                elements: None,
            })]
        };
        let inner = match self.body {
            BodyRef::Hcl(body) => {
                let mut blocks = body.iter().filter_map(|s| s.as_block());
                match blocks.find(|b| b.ident.as_str() == *outer) {
                    Some(block) => BodyRef::Hcl(&block.body),
                    None if body.get_attribute(outer).is_none()
                        && !body.iter().filter_map(|s| s.as_block()).any(|b| {
                            b.ident.as_str() == "dynamic"
                                && b.labels.first().map(|l| l.as_str()) == Some(*outer)
                        }) =>
                    {
                        return omitted()
                    }
                    None => {
                        return vec![Err(unknown(
                            &self.scenario,
                            self.at(self.body),
                            format!("`{outer}` is not written as a block, not evaluated"),
                        ))]
                    }
                }
            }
            BodyRef::Json(node) => match node.get(outer) {
                None if node.get("dynamic").and_then(|d| d.get(outer)).is_none() => {
                    return omitted()
                }
                Some(child) if child.entries().is_some() => BodyRef::Json(child),
                Some(child) => match child.items().and_then(|i| i.first()) {
                    Some(first) if first.entries().is_some() => BodyRef::Json(first),
                    _ => {
                        return vec![Err(unknown(
                            &self.scenario,
                            Span::new(self.file, child.range),
                            format!("`{outer}` is not written as a block, not evaluated"),
                        ))]
                    }
                },
                None => {
                    return vec![Err(unknown(
                        &self.scenario,
                        Span::new(self.file, node.range),
                        "dynamic blocks in .tf.json are not evaluated",
                    ))]
                }
            },
        };
        let properties = TfProperties {
            scope: self.scope,
            file: self.file,
            body: inner,
            scenario: self.scenario.clone(),
        };
        properties.elements(rest)
    }

    /// The elements of a list of objects written as a value (`key = [{ ... }]`).
    fn value_elements(&self, expr: Expr<'a>) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        self.scope
            .eval_expr(expr, self.file, &self.scenario)
            .into_iter()
            .map(|alt| match alt.value {
                Resolved::Absent { .. } => Ok(Elements {
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                    elements: None,
                }),
                Resolved::Items(items) => Ok(Elements {
                    scenario: alt.scenario.clone(),
                    provenance: alt.provenance,
                    elements: Some(
                        items
                            .into_iter()
                            .map(|item| Element {
                                scenario: alt.scenario.clone(),
                                at: item.provenance.primary(),
                                value: ElementValue::Value(item),
                            })
                            .collect(),
                    ),
                }),
                Resolved::Unknown(_) => Err(alt),
                _ => Err(Alt {
                    value: Resolved::Unknown("a single value where a list is expected".into()),
                    ..alt
                }),
            })
            .collect()
    }
}

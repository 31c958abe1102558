//! Evaluation of Terraform expressions: variables (values given for the scan, then defaults),
//! locals, literals, templates, a set of pure functions, `try` and `can`, conditionals (folded
//! when the condition is known, both branches as scenarios when not) and references to
//! resources as typed links. Anything else is unknown, with its reason. What fails in Terraform
//! (a missing attribute of a known object) is an error inside the evaluator, which `try` and
//! `can` catch, and unknown outside it.

use coglint_model::{ParameterOrigin, Provenance, Scenario, Subject};
use coglint_source::Span;
use coglint_syntax::hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, UnaryOperator};
use coglint_syntax::hcl_edit::template::{Element, Template};

use super::functions;
use super::module::{span_of, Expr, Module, Origin};
pub(crate) use crate::value::unknown;
use crate::value::{cap, product, too_large_reason, Alt, Resolved, TooManyScenarios};
use coglint_source::FileId;
use coglint_syntax::{Node, NodeKind, ScalarStyle};

mod fallback;
mod traversal;

const MAX_DEPTH: usize = 64;

/// A value given for an input variable: by a module call, `-var`, a var file or tfvars.
#[derive(Clone)]
pub(crate) struct Input<'a> {
    pub alternatives: Vec<Alt<'a>>,
    pub origin: ParameterOrigin,
}

/// What names mean where an expression is evaluated.
pub(crate) struct Scope<'m, 'a> {
    pub module: &'m Module<'a>,
    /// Values given for the module's variables.
    pub inputs: &'m std::collections::HashMap<String, Input<'a>>,
    /// `count.index`, `each.key`, `each.value`, a dynamic block's iterator: name → value.
    pub bindings: Vec<(String, Alt<'a>)>,
    /// The module path of the resources (`module.auth.`), for links.
    pub prefix: String,
    /// Each local's values, by the scenario it was asked in: a local used many times (or by
    /// other locals, twice each) is evaluated once. Shared by the scopes of one module
    /// instance, whatever their bindings: a local cannot use `count` or `each`.
    pub locals: Locals<'a>,
}

/// Locals evaluated so far in one module instance.
pub(crate) type Locals<'a> =
    std::rc::Rc<std::cell::RefCell<std::collections::HashMap<(String, Scenario), Vec<Alt<'a>>>>>;

fn text_alt<'a>(scenario: &Scenario, text: impl Into<String>, at: Span) -> Alt<'a> {
    Alt {
        scenario: scenario.clone(),
        value: Resolved::Text(text.into()),
        provenance: Provenance::Literal { at },
    }
}

impl<'m, 'a> Scope<'m, 'a> {
    /// The same module and inputs, with these bindings (an instance's, an iterator's).
    pub fn with_bindings(&self, bindings: Vec<(String, Alt<'a>)>) -> Scope<'m, 'a> {
        Scope {
            module: self.module,
            inputs: self.inputs,
            bindings,
            prefix: self.prefix.clone(),
            locals: self.locals.clone(),
        }
    }

    fn text_of(&self, file: Origin, span: Span) -> String {
        self.module
            .texts
            .get(&file.file)
            .and_then(|t| t.get(span.range.as_usize()))
            .unwrap_or("")
            .to_string()
    }

    /// The values of `expr`; a Terraform error in them is unknown (see [`Resolved::Error`]).
    pub fn eval(&self, expr: &'a Expression, file: Origin, scenario: &Scenario) -> Vec<Alt<'a>> {
        fallback::settle(self.eval_at(expr, file, scenario, 0))
    }

    /// An expression of either syntax, as [`Scope::eval`].
    pub fn eval_expr(&self, expr: Expr<'a>, file: FileId, scenario: &Scenario) -> Vec<Alt<'a>> {
        fallback::settle(self.eval_expr_at(expr, file, scenario, 0))
    }

    fn eval_expr_at(
        &self,
        expr: Expr<'a>,
        file: FileId,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        match expr {
            Expr::Hcl(e) => self.eval_at(e, file.into(), scenario, depth),
            Expr::Json(node) => self.eval_json(node, file, scenario, depth),
        }
    }

    /// A `.tf.json` value: literals as written, strings as templates when they hold `${..}`.
    fn eval_json(
        &self,
        node: &'a Node,
        file: FileId,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let at = coglint_source::Span::new(file, node.range);
        if depth > MAX_DEPTH {
            return vec![unknown(
                scenario,
                at,
                "values nested too deeply to evaluate",
            )];
        }
        let collection =
            |parts: Vec<Vec<Alt<'a>>>, make: &dyn Fn(Vec<Alt<'a>>) -> Resolved<'a>| match product(
                scenario,
                parts,
                |a| &a.scenario,
            ) {
                Ok(combos) => combos
                    .into_iter()
                    .map(|(s, values)| Alt {
                        scenario: s,
                        value: make(values),
                        provenance: Provenance::Literal { at },
                    })
                    .collect(),
                Err(too_many) => vec![unknown(scenario, at, too_many.to_string())],
            };
        match &node.kind {
            NodeKind::Mapping(entries) => {
                let keys: Vec<String> = entries.iter().map(|e| e.key.text.clone()).collect();
                let parts = entries
                    .iter()
                    .map(|e| self.eval_json(&e.value, file, scenario, depth + 1))
                    .collect();
                collection(parts, &|values| {
                    Resolved::Fields(keys.iter().cloned().zip(values).collect())
                })
            }
            NodeKind::Sequence(items) => {
                let parts = items
                    .iter()
                    .map(|i| self.eval_json(i, file, scenario, depth + 1))
                    .collect();
                collection(parts, &Resolved::Items)
            }
            NodeKind::Scalar(s) => match s.style {
                ScalarStyle::Null => vec![Alt {
                    scenario: scenario.clone(),
                    value: Resolved::Absent { depth: 0 },
                    provenance: Provenance::Literal { at },
                }],
                _ => match self
                    .module
                    .templates
                    .get(&file)
                    .and_then(|t| t.get(&node.range.start))
                {
                    Some((offset, template)) => {
                        let origin = Origin {
                            file,
                            offset: *offset,
                        };
                        self.eval_at(template, origin, scenario, depth + 1)
                    }
                    None => vec![text_alt(scenario, s.text.as_str(), at)],
                },
            },
        }
    }

    fn eval_at(
        &self,
        expr: &'a Expression,
        file: Origin,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let at = span_of(file, expr);
        if depth > MAX_DEPTH {
            return vec![unknown(
                scenario,
                at,
                "expressions nested too deeply to evaluate",
            )];
        }
        let alts = match expr {
            Expression::Null(_) => vec![Alt {
                scenario: scenario.clone(),
                value: Resolved::Absent { depth: 0 },
                provenance: Provenance::Literal { at },
            }],
            Expression::Bool(b) => vec![text_alt(scenario, b.value().to_string(), at)],
            Expression::Number(n) => vec![text_alt(scenario, n.value().to_string(), at)],
            Expression::String(s) => vec![text_alt(scenario, s.value().as_str(), at)],
            Expression::Array(array) => {
                let parts = array
                    .iter()
                    .map(|e| self.eval_at(e, file, scenario, depth + 1))
                    .collect();
                match product(scenario, parts, |a| &a.scenario) {
                    Ok(combos) => combos
                        .into_iter()
                        .map(|(s, items)| Alt {
                            scenario: s,
                            value: Resolved::Items(items),
                            provenance: Provenance::Literal { at },
                        })
                        .collect(),
                    Err(too_many) => vec![unknown(scenario, at, too_many.to_string())],
                }
            }
            Expression::Object(object) => {
                let mut items = Vec::new();
                for (key, value) in object.iter() {
                    let key = match key {
                        ObjectKey::Ident(i) => i.as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(_) => {
                            return vec![unknown(
                                scenario,
                                at,
                                "an object key computed at plan time",
                            )]
                        }
                    };
                    items.push((key, value));
                }
                // `a` and `"a"` are one key: the last one written wins, as in Terraform.
                let mut seen = std::collections::HashSet::new();
                let mut kept: Vec<_> = items
                    .into_iter()
                    .rev()
                    .filter(|(key, _)| seen.insert(key.clone()))
                    .collect();
                kept.reverse();
                let mut keys = Vec::new();
                let mut parts = Vec::new();
                for (key, value) in kept {
                    keys.push(key);
                    parts.push(self.eval_at(value.expr(), file, scenario, depth + 1));
                }
                match product(scenario, parts, |a| &a.scenario) {
                    Ok(combos) => combos
                        .into_iter()
                        .map(|(s, values)| Alt {
                            scenario: s,
                            value: Resolved::Fields(keys.iter().cloned().zip(values).collect()),
                            provenance: Provenance::Literal { at },
                        })
                        .collect(),
                    Err(too_many) => vec![unknown(scenario, at, too_many.to_string())],
                }
            }
            Expression::StringTemplate(t) => self.template(t, file, at, scenario, depth),
            Expression::HeredocTemplate(h) => self.template(&h.template, file, at, scenario, depth),
            Expression::Parenthesis(p) => self.eval_at(p.inner(), file, scenario, depth + 1),
            Expression::Variable(v) => {
                let name = v.as_str();
                match self.bindings.iter().rev().find(|(n, _)| n == name) {
                    Some((_, value)) => vec![value.clone()],
                    None => vec![unknown(scenario, at, format!("`{name}` is not known here"))],
                }
            }
            Expression::Conditional(c) => {
                let mut out = Vec::new();
                let condition = self.text_of(file, span_of(file, &c.cond_expr));
                for cond in self.eval_at(&c.cond_expr, file, scenario, depth + 1) {
                    match &cond.value {
                        Resolved::Text(t) if t == "true" => {
                            out.extend(self.eval_at(&c.true_expr, file, &cond.scenario, depth + 1))
                        }
                        Resolved::Text(t) if t == "false" => {
                            out.extend(self.eval_at(&c.false_expr, file, &cond.scenario, depth + 1))
                        }
                        Resolved::Unknown(_) => {
                            let subject = Subject::Condition(condition.clone());
                            for (branch, outcome) in
                                [(&c.true_expr, "true"), (&c.false_expr, "false")]
                            {
                                if let Some(s) = cond.scenario.with(subject.clone(), outcome) {
                                    out.extend(self.eval_at(branch, file, &s, depth + 1));
                                }
                            }
                        }
                        Resolved::Error(_) => out.push(cond),
                        _ => out.push(unknown(
                            &cond.scenario,
                            at,
                            "a condition that is not a boolean",
                        )),
                    }
                }
                out
            }
            Expression::FuncCall(call) => {
                let name = call.name.name.as_str();
                if !call.name.namespace.is_empty() {
                    return vec![unknown(
                        scenario,
                        at,
                        format!("provider function `{name}` is not evaluated"),
                    )];
                }
                let args: Vec<&'a Expression> = call.args.iter().collect();
                match name {
                    "try" => return self.try_(&args, file, at, scenario, depth),
                    "can" => return self.can(&args, file, at, scenario, depth),
                    _ => {}
                }
                let parts = args
                    .iter()
                    .map(|e| self.eval_at(e, file, scenario, depth + 1))
                    .collect();
                match product(scenario, parts, |a| &a.scenario) {
                    Ok(combos) => combos
                        .into_iter()
                        .map(|(s, args)| {
                            match functions::call(name, &args, call.args.expand_final()) {
                                Ok(value) if value.too_large() => unknown(
                                    &s,
                                    at,
                                    too_large_reason(&format!("the value of `{name}()`")),
                                ),
                                Ok(value) => Alt {
                                    scenario: s,
                                    value,
                                    provenance: Provenance::Computed {
                                        at,
                                        function: format!("{name}()"),
                                    },
                                },
                                Err(reason) => unknown(&s, at, reason),
                            }
                        })
                        .collect(),
                    Err(too_many) => vec![unknown(scenario, at, too_many.to_string())],
                }
            }
            Expression::Traversal(t) => {
                self.traversal(&t.expr, &t.operators, file, at, scenario, depth)
            }
            Expression::UnaryOp(op) => self
                .eval_at(&op.expr, file, scenario, depth + 1)
                .into_iter()
                .map(|a| {
                    let value = match (op.operator.value(), &a.value) {
                        (UnaryOperator::Not, Resolved::Text(t)) if t == "true" || t == "false" => {
                            Resolved::Text((t == "false").to_string())
                        }
                        (UnaryOperator::Neg, Resolved::Text(t)) => match t.parse::<f64>() {
                            Ok(n) => Resolved::Text(functions::number(-n)),
                            Err(_) => {
                                Resolved::Unknown("`-` on a value that is not a number".into())
                            }
                        },
                        (_, Resolved::Unknown(r)) => Resolved::Unknown(r.clone()),
                        (_, Resolved::Error(r)) => Resolved::Error(r.clone()),
                        _ => Resolved::Unknown("an operator on a value of the wrong type".into()),
                    };
                    Alt {
                        value,
                        provenance: Provenance::Literal { at },
                        ..a
                    }
                })
                .collect(),
            Expression::BinaryOp(op) => {
                let parts = vec![
                    self.eval_at(&op.lhs_expr, file, scenario, depth + 1),
                    self.eval_at(&op.rhs_expr, file, scenario, depth + 1),
                ];
                match product(scenario, parts, |a| &a.scenario) {
                    Ok(combos) => combos
                        .into_iter()
                        .map(|(s, args)| Alt {
                            scenario: s,
                            value: binary(*op.operator.value(), &args[0].value, &args[1].value),
                            provenance: Provenance::Literal { at },
                        })
                        .collect(),
                    Err(too_many) => vec![unknown(scenario, at, too_many.to_string())],
                }
            }
            Expression::ForExpr(_) => {
                vec![unknown(scenario, at, "`for` expressions are not evaluated")]
            }
        };
        cap(alts, || unknown(scenario, at, TooManyScenarios.to_string()))
    }

    fn template(
        &self,
        template: &'a Template,
        file: Origin,
        at: Span,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        // `"${expr}"` alone is the value of `expr` itself, not its text (as in Terraform).
        let elements: Vec<&Element> = template.iter().collect();
        if let [Element::Interpolation(only)] = elements.as_slice() {
            return self.eval_at(&only.expr, file, scenario, depth + 1);
        }
        let mut parts = Vec::new();
        for element in template.iter() {
            match element {
                Element::Literal(l) => parts.push(vec![text_alt(scenario, l.as_str(), at)]),
                Element::Interpolation(i) => {
                    parts.push(self.eval_at(&i.expr, file, scenario, depth + 1))
                }
                Element::Directive(_) => {
                    return vec![unknown(
                        scenario,
                        at,
                        "template directives are not evaluated",
                    )]
                }
            }
        }
        match product(scenario, parts, |a| &a.scenario) {
            Ok(combos) => combos
                .into_iter()
                .map(|(s, values)| {
                    let mut text = String::new();
                    for v in &values {
                        match &v.value {
                            Resolved::Text(t) => text.push_str(t),
                            Resolved::Unknown(r) => return unknown(&s, at, r.clone()),
                            Resolved::Error(r) => {
                                return Alt {
                                    value: Resolved::Error(r.clone()),
                                    ..text_alt(&s, "", at)
                                }
                            }
                            _ => {
                                return unknown(
                                    &s,
                                    at,
                                    "a value that is not a string in a template",
                                )
                            }
                        }
                    }
                    text_alt(&s, text, at)
                })
                .collect(),
            Err(too_many) => vec![unknown(scenario, at, too_many.to_string())],
        }
    }
}

fn binary<'a>(op: BinaryOperator, lhs: &Resolved<'a>, rhs: &Resolved<'a>) -> Resolved<'a> {
    use BinaryOperator as B;
    let (l, r) = match (lhs, rhs) {
        (Resolved::Unknown(u), _) | (_, Resolved::Unknown(u)) => {
            return Resolved::Unknown(u.clone())
        }
        (Resolved::Error(e), _) | (_, Resolved::Error(e)) => return Resolved::Error(e.clone()),
        (Resolved::Text(l), Resolved::Text(r)) => (l.as_str(), r.as_str()),
        (Resolved::Absent { .. }, Resolved::Absent { .. }) => ("", ""),
        _ => match op {
            B::Eq | B::NotEq => {
                let same = functions::same(lhs, rhs);
                return Resolved::Text((same == (op == B::Eq)).to_string());
            }
            _ => return Resolved::Unknown("an operator on values of the wrong type".into()),
        },
    };
    let boolean = |b: bool| Resolved::Text(b.to_string());
    let numbers = || Some((l.parse::<f64>().ok()?, r.parse::<f64>().ok()?));
    match op {
        B::Eq => boolean(l == r || numbers().is_some_and(|(a, b)| a == b)),
        B::NotEq => boolean(!(l == r || numbers().is_some_and(|(a, b)| a == b))),
        B::And | B::Or => match (l, r) {
            ("true" | "false", "true" | "false") => boolean(if op == B::And {
                l == "true" && r == "true"
            } else {
                l == "true" || r == "true"
            }),
            _ => Resolved::Unknown("`&&` or `||` on values that are not booleans".into()),
        },
        _ => match numbers() {
            None => Resolved::Unknown("arithmetic on values that are not numbers".into()),
            Some((a, b)) => match op {
                B::Less => boolean(a < b),
                B::LessEq => boolean(a <= b),
                B::Greater => boolean(a > b),
                B::GreaterEq => boolean(a >= b),
                B::Plus => Resolved::Text(functions::number(a + b)),
                B::Minus => Resolved::Text(functions::number(a - b)),
                B::Mul => Resolved::Text(functions::number(a * b)),
                B::Div if b != 0.0 => Resolved::Text(functions::number(a / b)),
                B::Mod if b != 0.0 => Resolved::Text(functions::number(a % b)),
                _ => Resolved::Unknown("division by zero".into()),
            },
        },
    }
}

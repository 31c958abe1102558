//! References: variables, locals, `count`/`each` and iterator bindings, resources as links,
//! and attribute and index access into evaluated values.

use coglint_model::{InputKind, ParameterOrigin, Provenance, Scenario};
use coglint_source::{FileId, Span};
use coglint_syntax::hcl_edit::expr::{Expression, TraversalOperator};

use super::{unknown, Scope};
use crate::terraform::module::Expr;
use crate::terraform::module::Origin;
use crate::value::{cap, too_large_reason, Alt, Resolved, TooManyScenarios};

impl<'m, 'a> Scope<'m, 'a> {
    pub(super) fn traversal(
        &self,
        root: &'a Expression,
        ops: &'a [coglint_syntax::hcl_edit::Decorated<TraversalOperator>],
        file: Origin,
        at: Span,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(name)) => Some(name.as_str()),
            _ => None,
        };
        let (base, rest): (Vec<Alt<'a>>, usize) = match root {
            Expression::Variable(v) => match (v.as_str(), attr(0)) {
                ("var", Some(name)) => (self.variable(name, at, scenario, depth), 1),
                ("local", Some(name)) => match self.module.locals.get(name) {
                    Some((local_file, expr)) => {
                        (self.local(name, *expr, *local_file, at, scenario, depth), 1)
                    }
                    None => {
                        return vec![unknown(
                            scenario,
                            at,
                            self.undeclared(&format!("`local.{name}`")),
                        )]
                    }
                },
                ("count", Some("index")) | ("each", Some("key")) | ("each", Some("value")) => {
                    let name = format!("{}.{}", v.as_str(), attr(0).unwrap_or_default());
                    match self.bindings.iter().rev().find(|(n, _)| *n == name) {
                        Some((_, value)) => (vec![value.clone()], 1),
                        None => {
                            return vec![unknown(
                                scenario,
                                at,
                                format!("`{name}` is not known here"),
                            )]
                        }
                    }
                }
                ("data", _) => {
                    return vec![unknown(
                        scenario,
                        at,
                        "a data source is read only at plan time",
                    )]
                }
                ("module", Some(name)) => {
                    return vec![unknown(
                        scenario,
                        at,
                        format!("an output of module `{name}`"),
                    )]
                }
                ("path", _) | ("terraform", _) | ("self", _) => {
                    return vec![unknown(scenario, at, "known only when Terraform runs")]
                }
                (type_name, Some(name)) if self.module.has_resource(type_name, name) => {
                    // `aws_cognito_user_pool.main[0].id`: a link to that instance.
                    let mut target = format!("{}{type_name}.{name}", self.prefix);
                    if let Some(TraversalOperator::Index(index)) = ops.get(1).map(|o| o.value()) {
                        let keys = self.eval_at(index, file, scenario, depth + 1);
                        match keys.as_slice() {
                            [Alt {
                                value: Resolved::Text(k),
                                ..
                            }] => {
                                if k.parse::<u64>().is_ok() {
                                    target.push_str(&format!("[{k}]"));
                                } else {
                                    target.push_str(&format!("[\"{k}\"]"));
                                }
                            }
                            _ => {
                                return vec![unknown(
                                    scenario,
                                    at,
                                    "an instance chosen at plan time",
                                )]
                            }
                        }
                    }
                    return vec![Alt {
                        scenario: scenario.clone(),
                        value: Resolved::Link(target),
                        provenance: Provenance::Literal { at },
                    }];
                }
                (name, _) => match self.bindings.iter().rev().find(|(n, _)| n == name) {
                    // A dynamic block's iterator: `setting.value`.
                    Some((_, value)) => (vec![value.clone()], 0),
                    None if !self.module.unparsed.is_empty() => {
                        return vec![unknown(
                            scenario,
                            at,
                            self.undeclared(&format!("`{}`", self.text_of(file, at))),
                        )]
                    }
                    None => {
                        return vec![unknown(
                            scenario,
                            at,
                            format!(
                                "`{}` refers to something outside the scanned files",
                                self.text_of(file, at)
                            ),
                        )]
                    }
                },
            },
            other => (self.eval_at(other, file, scenario, depth + 1), 0),
        };
        let mut alts = base;
        for op in &ops[rest..] {
            let mut next = Vec::new();
            for alt in alts {
                match op.value() {
                    TraversalOperator::GetAttr(name) => next.push(get_field(alt, name.as_str())),
                    TraversalOperator::Index(index) => {
                        for key in self.eval_at(index, file, &alt.scenario, depth + 1) {
                            let Some(s) = alt.scenario.merge(&key.scenario) else {
                                continue;
                            };
                            let value = match &key.value {
                                Resolved::Text(k) => index_into(alt.clone(), k),
                                Resolved::Error(e) => Alt {
                                    value: Resolved::Error(e.clone()),
                                    ..alt.clone()
                                },
                                _ => unknown(&s, at, "an index known only at plan time"),
                            };
                            next.push(Alt {
                                scenario: s,
                                ..value
                            });
                        }
                    }
                    TraversalOperator::LegacyIndex(i) => {
                        next.push(index_into(alt, &i.value().to_string()))
                    }
                    _ => next.push(unknown(
                        &alt.scenario,
                        at,
                        "splat expressions are not evaluated",
                    )),
                }
            }
            // Each index may multiply the alternatives: past the cap, one unknown.
            alts = cap(next, || unknown(scenario, at, TooManyScenarios.to_string()));
        }
        alts
    }

    /// `var.name`: the value given for the scan or by the calling module, else the default. The
    /// finding points at the use; the value's own place becomes a related location.
    /// A local's values in `scenario`, evaluated once per scenario; unknown when larger than
    /// what is evaluated.
    fn local(
        &self,
        name: &str,
        expr: Expr<'a>,
        file: FileId,
        at: Span,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let key = (name.to_string(), scenario.clone());
        if let Some(known) = self.locals.borrow().get(&key) {
            return known.clone();
        }
        let alts: Vec<Alt<'a>> = self
            .eval_expr_at(expr, file, scenario, depth + 1)
            .into_iter()
            .map(|alt| {
                if alt.value.too_large() {
                    unknown(
                        &alt.scenario,
                        at,
                        too_large_reason(&format!("`local.{name}`")),
                    )
                } else {
                    alt
                }
            })
            .collect();
        self.locals.borrow_mut().insert(key, alts.clone());
        alts
    }

    fn variable(&self, name: &str, at: Span, scenario: &Scenario, depth: usize) -> Vec<Alt<'a>> {
        let Some(decl) = self.module.variables.get(name) else {
            // Declared, it may be, in a file that could not be parsed: the value given for it
            // is its value.
            if let (false, Some(input)) = (self.module.unparsed.is_empty(), self.inputs.get(name)) {
                return input
                    .alternatives
                    .iter()
                    .filter_map(|a| {
                        let scenario = scenario.merge(&a.scenario)?;
                        Some(as_input(a.clone(), scenario, at, name, input.origin))
                    })
                    .collect();
            }
            return vec![unknown(
                scenario,
                at,
                self.undeclared(&format!("variable `{name}`")),
            )];
        };
        if decl.sensitive {
            return vec![unknown(
                scenario,
                at,
                format!("variable `{name}` is sensitive"),
            )];
        }
        let (alts, origin) = match self.inputs.get(name) {
            Some(input) => (input.alternatives.clone(), input.origin),
            None => match decl.default {
                Some(default) => {
                    // Defaults are evaluated in the module, without instance bindings.
                    let plain = self.with_bindings(Vec::new());
                    (plain.eval_expr_at(default, decl.file, scenario, depth + 1), ParameterOrigin::Default)
                }
                None => {
                    return vec![unknown(
                        scenario,
                        at,
                        format!("variable `{name}` has no default and no value was given (tfvars, -var, --var-file)"),
                    )]
                }
            },
        };
        alts.into_iter()
            .filter_map(|a| {
                let scenario = scenario.merge(&a.scenario)?;
                Some(as_input(a, scenario, at, name, origin))
            })
            .collect()
    }
}

impl Scope<'_, '_> {
    /// Why a name the module does not declare is unknown: it may be declared in a file of the
    /// module that could not be parsed.
    fn undeclared(&self, what: &str) -> String {
        match self.module.unparsed.as_slice() {
            [] => format!("{what} is not declared"),
            [one] => format!(
                "{what} is not declared in the files that could be parsed; it may be in `{one}`, which could not"
            ),
            many => format!(
                "{what} is not declared in the files that could be parsed; it may be in one of `{}`, which could not",
                many.join("`, `")
            ),
        }
    }
}

/// Re-attributes a variable's value to its use, keeping where it was written as related.
fn as_input<'a>(
    alt: Alt<'a>,
    scenario: Scenario,
    at: Span,
    name: &str,
    origin: ParameterOrigin,
) -> Alt<'a> {
    let provenance = |p: &Provenance| match p {
        Provenance::Literal { at: value_at } | Provenance::Computed { at: value_at, .. } => {
            Provenance::Parameter {
                at,
                name: name.to_string(),
                value_at: Some(*value_at),
                origin,
                input: InputKind::Variable,
                // A sensitive variable is never evaluated (its value stays unknown).
                hidden: false,
            }
        }
        // Given on the command line (`-var`): written in no file, so the use is the place.
        Provenance::Parameter {
            name,
            value_at: None,
            origin,
            input,
            hidden,
            ..
        } => Provenance::Parameter {
            at,
            name: name.clone(),
            value_at: None,
            origin: *origin,
            input: *input,
            hidden: *hidden,
        },
        other => other.clone(),
    };
    let value = match alt.value {
        Resolved::Items(items) => Resolved::Items(
            items
                .into_iter()
                .map(|i| Alt {
                    provenance: provenance(&i.provenance),
                    ..i
                })
                .collect(),
        ),
        other => other,
    };
    Alt {
        scenario,
        provenance: provenance(&alt.provenance),
        value,
    }
}

/// `value.name`. On a known value that has no such attribute Terraform fails: an error,
/// which `try` catches.
fn get_field<'a>(alt: Alt<'a>, name: &str) -> Alt<'a> {
    let value = match alt.value {
        Resolved::Fields(fields) => {
            return match fields.into_iter().find(|(k, _)| k == name) {
                Some((_, v)) => Alt {
                    scenario: alt.scenario,
                    ..v
                },
                None => Alt {
                    value: Resolved::Error(format!("no attribute `{name}`")),
                    ..alt
                },
            }
        }
        Resolved::Unknown(_) | Resolved::Error(_) => return alt,
        Resolved::Absent { .. } => Resolved::Error(format!("attribute `{name}` of null")),
        Resolved::Text(_) | Resolved::Items(_) => Resolved::Error(format!(
            "attribute `{name}` of a value that is not an object"
        )),
        Resolved::Link(_) | Resolved::Node(_) | Resolved::Texts(_) => Resolved::Unknown(format!(
            "attribute `{name}` of a value known only at plan time"
        )),
    };
    Alt { value, ..alt }
}

/// `value[key]`: past the end of a known list, or a key a known map does not have, Terraform
/// fails (an error, which `try` catches).
fn index_into<'a>(alt: Alt<'a>, key: &str) -> Alt<'a> {
    let value = match alt.value {
        Resolved::Items(items) => {
            return match key.parse::<usize>() {
                Ok(i) => match items.get(i).cloned() {
                    Some(v) => Alt {
                        scenario: alt.scenario,
                        ..v
                    },
                    None => Alt {
                        value: Resolved::Error(format!("index `{key}` out of range")),
                        ..alt
                    },
                },
                Err(_) => Alt {
                    value: Resolved::Error(format!("`{key}` is not an index of a list")),
                    ..alt
                },
            }
        }
        Resolved::Fields(_) => return get_field(alt, key),
        Resolved::Unknown(_) | Resolved::Error(_) => return alt,
        Resolved::Absent { .. } | Resolved::Text(_) => {
            Resolved::Error("an index into a value that is not a collection".into())
        }
        Resolved::Link(_) | Resolved::Node(_) | Resolved::Texts(_) => {
            Resolved::Unknown("an index into a value known only at plan time".into())
        }
    };
    Alt { value, ..alt }
}

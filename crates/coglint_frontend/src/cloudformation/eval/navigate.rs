//! Reading a path under a resource's `Properties` through the functions on the way, the
//! combinations of a list's items, and the scenarios in which a resource exists.

use coglint_model::{Provenance, Scenario, Subject};
use coglint_source::Span;
use coglint_syntax::Node;

use super::{absent_if_null, Template};
use crate::value::{cap, copies, Alt, Product, Resolved, TooManyScenarios};

impl<'a> Template<'a> {
    /// Reads `path` under `start` (a resource's `Properties`), through any functions on the way.
    pub fn navigate(
        &self,
        start: Option<&'a Node>,
        path: &[&str],
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let Some(start) = start else {
            return vec![Alt {
                scenario: scenario.clone(),
                value: Resolved::Absent { depth: 0 },
                // No `Properties`: nothing is written, so no place but the template.
                provenance: Provenance::Literal {
                    at: Span::file_start(self.file),
                },
            }];
        };
        let mut alts = self.resolve(start, scenario);
        for (depth, key) in path.iter().enumerate() {
            let mut next = Vec::new();
            for mut alt in alts {
                alt.value = absent_if_null(alt.value, depth);
                match alt.value {
                    Resolved::Node(n) => match n.entries() {
                        Some(_) => match n.get(key) {
                            // `AWS::NoValue` removes the key at this depth, not the whole path.
                            Some(child) => next.extend(
                                self.resolve(child, &alt.scenario).into_iter().map(|mut a| {
                                    if let Resolved::Absent { .. } = a.value {
                                        a.value = Resolved::Absent { depth };
                                    }
                                    a
                                }),
                            ),
                            None => next.push(Alt {
                                value: Resolved::Absent { depth },
                                ..alt
                            }),
                        },
                        None => {
                            next.push(self.unknown(&alt.scenario, n, "a mapping was expected here"))
                        }
                    },
                    Resolved::Absent { depth: d } => next.push(Alt {
                        value: Resolved::Absent {
                            depth: d.min(depth),
                        },
                        ..alt
                    }),
                    // A function's value used as a property block: not something the template
                    // can set statically, so what lies under it is unknown.
                    Resolved::Text(_)
                    | Resolved::Texts(_)
                    | Resolved::Items(_)
                    | Resolved::Fields(_)
                    | Resolved::Link(_) => next.push(Alt {
                        value: Resolved::Unknown(
                            "a computed value where a mapping was expected".into(),
                        ),
                        ..alt
                    }),
                    Resolved::Unknown(_) => next.push(alt),
                    // Terraform's; never met in a template.
                    Resolved::Error(reason) => next.push(Alt {
                        value: Resolved::Unknown(reason),
                        ..alt
                    }),
                }
            }
            alts = cap(next, || {
                self.unknown(scenario, start, TooManyScenarios.to_string())
            });
        }
        // `AWS::NoValue` or an empty value at the end of the path removes the property itself.
        let last = path.len().saturating_sub(1);
        for alt in &mut alts {
            let value = std::mem::replace(&mut alt.value, Resolved::Absent { depth: last });
            alt.value = match absent_if_null(value, last) {
                Resolved::Absent { depth } => Resolved::Absent {
                    depth: depth.min(last),
                },
                other => other,
            };
        }
        alts
    }

    /// The alternatives of each item of a list value (items may be functions; `AWS::NoValue`
    /// removes an item). Returns one alternative per combination.
    pub fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        self.list_at(node, scenario, 0)
    }

    pub(super) fn list_at(
        &self,
        node: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        let Some(items) = node.items() else {
            return vec![Err(self.unknown(scenario, node, "a list was expected"))];
        };
        let mut product = Product::new(scenario, Vec::new());
        for item in items {
            let step = product.extend(|s, done, next| {
                let alts = self.resolve_at(item, s, depth + 1);
                let n = alts.len();
                for (alt, mut d) in alts.into_iter().zip(copies(done, n)) {
                    let s2 = alt.scenario.clone();
                    match alt.value {
                        Resolved::Absent { .. } => {}
                        Resolved::Texts(ref texts) => {
                            for t in texts {
                                d.push(Alt {
                                    value: Resolved::Text(t.clone()),
                                    ..alt.clone()
                                });
                            }
                        }
                        _ => d.push(alt),
                    }
                    next.push((s2, d));
                }
            });
            if let Err(too_many) = step {
                return vec![Err(self.unknown(scenario, node, too_many.to_string()))];
            }
        }
        product.into_combinations().into_iter().map(Ok).collect()
    }

    /// Whether a resource exists in each scenario, from its `Condition` attribute.
    pub fn resource_scenarios(&self, resource: &'a Node) -> Vec<Scenario> {
        let Some(name) = resource.get("Condition").and_then(Node::as_str) else {
            return vec![Scenario::always()];
        };
        // A condition that cannot be evaluated (reported as such): the resource is checked as
        // if it had none, not "when condition `Missing` is true".
        if self.unusable_condition(name).is_some() {
            return vec![Scenario::always()];
        }
        let subject = Subject::Condition(name.to_string());
        self.condition(name, &Scenario::always(), 0)
            .into_iter()
            .filter_map(|(s, outcome)| match outcome {
                Some(true) => Some(s),
                Some(false) => None,
                None => s.with(subject.clone(), "true"),
            })
            .collect()
    }
}

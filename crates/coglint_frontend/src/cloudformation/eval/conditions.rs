//! `Fn::If` and the template's `Conditions`, decided or split into scenarios.

use coglint_model::{Scenario, Subject};
use coglint_syntax::Node;

use super::{Outcomes, Template, MAX_CONDITION_STEPS, MAX_EVAL_DEPTH};
use crate::value::{Alt, Product, Resolved};

impl<'a> Template<'a> {
    pub(super) fn if_(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let (Some(name), Some(then), Some(otherwise)) = (
            args.items().and_then(|i| i.first()).and_then(Node::as_str),
            args.items().and_then(|i| i.get(1)),
            args.items().and_then(|i| i.get(2)),
        ) else {
            return vec![self.unknown(scenario, node, "`Fn::If` needs [condition, then, else]")];
        };
        if let Some(why) = self.unusable_condition(name) {
            return vec![self.unknown(scenario, node, format!("condition `{name}` {why}"))];
        }
        let mut out = Vec::new();
        for (scenario, outcome) in self.condition(name, scenario, depth + 1) {
            match outcome {
                Some(true) => out.extend(self.resolve_at(then, &scenario, depth + 1)),
                Some(false) => out.extend(self.resolve_at(otherwise, &scenario, depth + 1)),
                None => {
                    let subject = Subject::Condition(name.to_string());
                    for (branch, value) in [(then, "true"), (otherwise, "false")] {
                        if let Some(s) = scenario.with(subject.clone(), value) {
                            out.extend(self.resolve_at(branch, &s, depth + 1));
                        }
                    }
                }
            }
        }
        out
    }

    /// The outcome of a named condition in each scenario (`None`: it cannot be decided).
    /// Remembered by scenario: a condition used by many resources, or by other conditions, is
    /// evaluated once for each scenario it is asked in.
    pub fn condition(&self, name: &str, scenario: &Scenario, depth: usize) -> Outcomes {
        let subject = Subject::Condition(name.to_string());
        if let Some(assumed) = scenario.assumed(&subject) {
            return vec![(scenario.clone(), Some(assumed == "true"))];
        }
        let Some(body) = self
            .conditions
            .get(name)
            .filter(|_| self.unusable_condition(name).is_none())
        else {
            return vec![(scenario.clone(), None)];
        };
        let key = (name.to_string(), scenario.clone());
        if let Some(known) = self.condition_memo.borrow().get(&key) {
            return known.clone();
        }
        let outcomes = self.decide(&subject, body, scenario, depth);
        self.condition_memo
            .borrow_mut()
            .insert(key, outcomes.clone());
        outcomes
    }

    fn decide(
        &self,
        subject: &Subject,
        body: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Outcomes {
        let outcomes = self.condition_body(body, scenario, depth + 1);
        // When the outcome depends on the scenario, name the condition in it too: "when condition
        // `IsProd` is true" reads better than the parameter values behind it.
        let varies = outcomes.len() > 1;
        outcomes
            .into_iter()
            .map(|(s, v)| match (v, varies) {
                (Some(b), true) => (s.with(subject.clone(), b.to_string()).unwrap_or(s), Some(b)),
                _ => (s, v),
            })
            .collect()
    }

    /// A condition's body decided in `scenario`. Each operator counts towards
    /// [`MAX_CONDITION_STEPS`] with the outcomes it makes; past it, the body is undecided.
    pub(super) fn condition_body(
        &self,
        body: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Outcomes {
        if depth > MAX_EVAL_DEPTH || self.condition_steps.get() > MAX_CONDITION_STEPS {
            return vec![(scenario.clone(), None)];
        }
        let outcomes = self.operator(body, scenario, depth);
        let steps = self.condition_steps.get() + 1 + outcomes.len();
        self.condition_steps.set(steps);
        outcomes
    }

    fn operator(&self, body: &'a Node, scenario: &Scenario, depth: usize) -> Outcomes {
        let unknown = || vec![(scenario.clone(), None)];
        let Some([entry]) = body.entries() else {
            return unknown();
        };
        let args = &entry.value;
        let operands = || args.items().unwrap_or(&[]);
        match entry.key.text.as_str() {
            "Condition" => match args.as_str() {
                Some(name) => self.condition(name, scenario, depth + 1),
                None => unknown(),
            },
            "Fn::Equals" => {
                let [a, b] = operands() else {
                    return unknown();
                };
                let mut out = Vec::new();
                for left in self.texts_of(a, scenario, depth) {
                    for right in self.texts_of(b, &left.scenario, depth) {
                        let outcome = match (&left.value, &right.value) {
                            (Resolved::Text(x), Resolved::Text(y)) => Some(x == y),
                            _ => None,
                        };
                        out.push((right.scenario.clone(), outcome));
                    }
                }
                out
            }
            "Fn::Not" => match operands() {
                [inner] => self
                    .condition_body(inner, scenario, depth + 1)
                    .into_iter()
                    .map(|(s, v)| (s, v.map(|b| !b)))
                    .collect(),
                _ => unknown(),
            },
            op @ ("Fn::And" | "Fn::Or") => {
                let is_and = op == "Fn::And";
                let mut product = Product::new(scenario, Some(is_and));
                for operand in operands() {
                    let step = product.extend(|s, so_far, next| {
                        for (s2, v) in self.condition_body(operand, s, depth + 1) {
                            let combined = match (so_far, v) {
                                (Some(a), Some(b)) => Some(if is_and { a && b } else { a || b }),
                                // A decided operand settles the result whatever the unknown one is.
                                (Some(a), None) | (None, Some(a)) if a != is_and => Some(a),
                                _ => None,
                            };
                            next.push((s2, combined));
                        }
                    });
                    if step.is_err() {
                        return unknown();
                    }
                }
                product.into_combinations()
            }
            _ => unknown(),
        }
    }
}

//! `try` and `can`, which catch Terraform's errors, and what separates an error from an
//! unknown: Terraform returns an unknown from `try(a, b)` when `a` depends on a value not
//! known yet, and goes on to `b` only when `a` fails.

use coglint_model::{Provenance, Scenario};
use coglint_source::Span;
use coglint_syntax::hcl_edit::expr::Expression;

use super::{unknown, Scope};
use crate::terraform::module::Origin;
use crate::value::{Alt, Resolved};

/// What evaluating an argument of `try` or `can` came to, in one scenario.
enum Outcome {
    /// A value, known throughout.
    Value,
    /// It fails (Terraform's error): `try` goes on to the next argument.
    Error(String),
    /// It depends on something not known: whether it fails is not known either.
    Unknown(String),
}

/// Reads an alternative of an argument. A value that holds in a scenario (a branch of a
/// conditional on something not known) is read in that scenario, where it is known.
fn outcome(alt: &Alt<'_>) -> Outcome {
    let mut error = None;
    let mut stack = vec![&alt.value];
    while let Some(value) = stack.pop() {
        match value {
            Resolved::Unknown(reason) => return Outcome::Unknown(reason.clone()),
            Resolved::Error(reason) => {
                error.get_or_insert_with(|| reason.clone());
            }
            Resolved::Items(items) => stack.extend(items.iter().map(|i| &i.value)),
            Resolved::Fields(fields) => stack.extend(fields.iter().map(|(_, v)| &v.value)),
            Resolved::Absent { .. }
            | Resolved::Node(_)
            | Resolved::Text(_)
            | Resolved::Texts(_)
            | Resolved::Link(_) => {}
        }
    }
    match error {
        Some(reason) => Outcome::Error(reason),
        None => Outcome::Value,
    }
}

impl<'m, 'a> Scope<'m, 'a> {
    /// `try(a, b, ...)`: in each scenario, the first argument that does not fail; unknown as
    /// soon as one depends on something not known (it might fail or not).
    pub(super) fn try_(
        &self,
        args: &[&'a Expression],
        file: Origin,
        at: Span,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let Some((first, rest)) = args.split_first() else {
            return vec![error(scenario, at, "`try` needs at least one argument")];
        };
        let mut out = Vec::new();
        for alt in self.eval_at(first, file, scenario, depth + 1) {
            match outcome(&alt) {
                Outcome::Value => out.push(alt),
                Outcome::Unknown(reason) => {
                    out.push(unknown(&alt.scenario, at, format!("`try`: {reason}")))
                }
                Outcome::Error(_) if !rest.is_empty() => {
                    out.extend(self.try_(rest, file, at, &alt.scenario, depth + 1))
                }
                Outcome::Error(reason) => out.push(error(
                    &alt.scenario,
                    at,
                    format!("every argument of `try` fails; the last: {reason}"),
                )),
            }
        }
        out
    }

    /// `can(a)`: whether `a` can be evaluated without failing; unknown when it depends on
    /// something not known.
    pub(super) fn can(
        &self,
        args: &[&'a Expression],
        file: Origin,
        at: Span,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [only] = args else {
            return vec![error(scenario, at, "`can` takes one argument")];
        };
        self.eval_at(only, file, scenario, depth + 1)
            .into_iter()
            .map(|alt| {
                let value = match outcome(&alt) {
                    Outcome::Value => Resolved::Text("true".into()),
                    Outcome::Error(_) => Resolved::Text("false".into()),
                    Outcome::Unknown(reason) => Resolved::Unknown(format!("`can`: {reason}")),
                };
                Alt {
                    scenario: alt.scenario,
                    value,
                    provenance: Provenance::Computed {
                        at,
                        function: "can()".into(),
                    },
                }
            })
            .collect()
    }
}

fn error<'a>(scenario: &Scenario, at: Span, reason: impl Into<String>) -> Alt<'a> {
    Alt {
        value: Resolved::Error(reason.into()),
        ..unknown(scenario, at, "")
    }
}

/// The values as they leave the evaluator: an error anywhere in them is unknown (Terraform
/// stops on it; no rule may read a fallback into it).
pub(super) fn settle(alts: Vec<Alt<'_>>) -> Vec<Alt<'_>> {
    alts.into_iter().map(settle_alt).collect()
}

fn settle_alt(mut alt: Alt<'_>) -> Alt<'_> {
    alt.value = match alt.value {
        Resolved::Error(reason) => Resolved::Unknown(reason),
        Resolved::Items(items) => Resolved::Items(items.into_iter().map(settle_alt).collect()),
        Resolved::Fields(fields) => Resolved::Fields(
            fields
                .into_iter()
                .map(|(k, v)| (k, settle_alt(v)))
                .collect(),
        ),
        other => other,
    };
    alt
}

//! What front ends evaluate values to, before the values are typed into the model.

use coglint_model::{Provenance, Scenario};
use coglint_source::Span;
use coglint_syntax::Node;

/// The most alternatives one value may have before it is given up as unknown.
pub(crate) const MAX_ALTERNATIVES: usize = 64;

/// What a value evaluates to in one scenario.
#[derive(Clone, Debug)]
pub(crate) enum Resolved<'a> {
    /// The property is not there (omitted, or `AWS::NoValue`): AWS's default applies.
    /// `depth` is the index, in the path being read, of the key that is missing.
    Absent {
        depth: usize,
    },
    /// A node of the template (or of the parameters file) with no function left in it.
    Node(&'a Node),
    /// A string computed by a function, or a parameter's value.
    Text(String),
    /// A list of strings (a `CommaDelimitedList` parameter, `Fn::Split`).
    Texts(Vec<String>),
    /// A list whose items were evaluated one by one, each with its own location (Terraform).
    Items(Vec<Alt<'a>>),
    /// An object or map whose values were evaluated (Terraform).
    Fields(Vec<(String, Alt<'a>)>),
    /// A reference to a resource of the same template or module (`Ref`, `Fn::GetAtt`,
    /// `aws_cognito_user_pool.main.id`), by the name the model gives the resource.
    Link(String),
    Unknown(String),
    /// Terraform only, inside its evaluator: evaluating this fails in Terraform (an attribute
    /// a known object does not have, an index past the end of a known list, `lookup` of a
    /// missing key without a default). `try` and `can` catch it; anywhere else Terraform
    /// stops, so no value leaves the evaluator as an error: it becomes [`Resolved::Unknown`].
    Error(String),
}

/// The largest value an evaluator builds: items and fields at every depth, and bytes of text.
/// Values that double at each step (`concat(local.l, local.l)` through 24 locals) would
/// otherwise grow exponentially with the input; past it, a value is unknown.
pub(crate) const MAX_VALUE_ITEMS: usize = 100_000;
pub(crate) const MAX_VALUE_BYTES: usize = 1 << 20;

impl Resolved<'_> {
    /// Whether the value is larger than [`MAX_VALUE_ITEMS`] items or [`MAX_VALUE_BYTES`] bytes
    /// of text. Stops counting there, so it costs at most the limit.
    pub(crate) fn too_large(&self) -> bool {
        let (mut items, mut bytes) = (0usize, 0usize);
        let mut stack = vec![self];
        while let Some(value) = stack.pop() {
            match value {
                Resolved::Text(t) | Resolved::Link(t) => bytes += t.len(),
                Resolved::Texts(texts) => {
                    items += texts.len();
                    bytes += texts.iter().map(String::len).sum::<usize>();
                }
                Resolved::Items(list) => {
                    items += list.len();
                    stack.extend(list.iter().map(|a| &a.value));
                }
                Resolved::Fields(fields) => {
                    items += fields.len();
                    for (key, value) in fields {
                        bytes += key.len();
                        stack.push(&value.value);
                    }
                }
                _ => {}
            }
            if items > MAX_VALUE_ITEMS || bytes > MAX_VALUE_BYTES {
                return true;
            }
        }
        false
    }
}

/// Why a value is unknown when it is [`Resolved::too_large`].
pub(crate) fn too_large_reason(what: &str) -> String {
    format!(
        "{what} is larger than {MAX_VALUE_ITEMS} items or {} MiB of text, more than is evaluated",
        MAX_VALUE_BYTES >> 20
    )
}

#[derive(Clone, Debug)]
pub(crate) struct Alt<'a> {
    pub scenario: Scenario,
    pub value: Resolved<'a>,
    pub provenance: Provenance,
}

/// A value that cannot be known in `scenario`, and why, written at `at`.
pub(crate) fn unknown<'a>(scenario: &Scenario, at: Span, reason: impl Into<String>) -> Alt<'a> {
    Alt {
        scenario: scenario.clone(),
        value: Resolved::Unknown(reason.into()),
        provenance: Provenance::Literal { at },
    }
}

/// Gives up on a value with too many alternatives (scenario explosion).
pub(crate) fn cap<'a>(alts: Vec<Alt<'a>>, unknown: impl FnOnce() -> Alt<'a>) -> Vec<Alt<'a>> {
    if alts.len() > MAX_ALTERNATIVES {
        vec![unknown()]
    } else {
        alts
    }
}

/// What a value is given up for when its combinations of scenarios pass [`MAX_ALTERNATIVES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TooManyScenarios;

impl std::fmt::Display for TooManyScenarios {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many scenarios to evaluate")
    }
}

/// The combinations of a value's parts, built part by part, each in the scenario in which it
/// holds: the one product of scenarios every front end uses, with its cap.
pub(crate) struct Product<A> {
    combinations: Vec<(Scenario, A)>,
}

impl<A> Product<A> {
    /// One combination so far: `start`, in `base`.
    pub fn new(base: &Scenario, start: A) -> Self {
        Self {
            combinations: vec![(base.clone(), start)],
        }
    }

    /// Takes the next part: `extend` pushes the successors of one combination (none when the
    /// part cannot hold in its scenario). It owns the combination, so that a part with one
    /// alternative extends it in place (see [`copies`]): building a list of n items is linear.
    /// Past [`MAX_ALTERNATIVES`] combinations, the value is given up.
    pub fn extend(
        &mut self,
        mut extend: impl FnMut(&Scenario, A, &mut Vec<(Scenario, A)>),
    ) -> Result<(), TooManyScenarios> {
        let mut next = Vec::new();
        for (scenario, done) in std::mem::take(&mut self.combinations) {
            extend(&scenario, done, &mut next);
        }
        if next.len() > MAX_ALTERNATIVES {
            return Err(TooManyScenarios);
        }
        self.combinations = next;
        Ok(())
    }

    /// Changes every combination in place, adding none.
    pub fn map(&mut self, mut change: impl FnMut(&mut A)) {
        for (_, done) in &mut self.combinations {
            change(done);
        }
    }

    pub fn into_combinations(self) -> Vec<(Scenario, A)> {
        self.combinations
    }
}

/// `n` copies of `value`: clones for all but the last, which is `value` itself (none when `n`
/// is 0). What a combination becomes when a part has `n` alternatives.
pub(crate) fn copies<A: Clone>(value: A, n: usize) -> Vec<A> {
    let mut out = Vec::with_capacity(n);
    if n > 0 {
        out.extend(std::iter::repeat_n(&value, n - 1).cloned());
        out.push(value);
    }
    out
}

/// Every combination of one alternative per part, in the scenarios that can hold together
/// (each alternative's own scenario merged into the combination's).
pub(crate) fn product<T: Clone>(
    base: &Scenario,
    parts: Vec<Vec<T>>,
    scenario_of: impl Fn(&T) -> &Scenario,
) -> Result<Vec<(Scenario, Vec<T>)>, TooManyScenarios> {
    let mut product = Product::new(base, Vec::new());
    for part in parts {
        product.extend(|scenario, done, next| {
            let fitting: Vec<(Scenario, &T)> = part
                .iter()
                .filter_map(|item| Some((scenario.merge(scenario_of(item))?, item)))
                .collect();
            let n = fitting.len();
            for ((merged, item), mut values) in fitting.into_iter().zip(copies(done, n)) {
                values.push(item.clone());
                next.push((merged, values));
            }
        })?;
    }
    Ok(product.into_combinations())
}

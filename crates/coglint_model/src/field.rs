//! `Field<T>`: a property's value(s), with provenance and scenario, and the questions rules ask.

use std::fmt;

use coglint_source::Span;

/// Why a value cannot be decided statically. Rules stay silent on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    pub reason: String,
}

impl Unknown {
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<T> {
    Known(T),
    Unknown(Unknown),
}

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// Written in the source at `at`.
    Literal { at: Span },
    /// Omitted: AWS applies its default. `resource` is the resource's header, `property` the
    /// missing property as the user writes it in this format (`PasswordPolicy.MinimumLength`).
    Default {
        resource: Span,
        property: String,
        doc: &'static str,
    },
    /// The value of a template parameter (or, later, a Terraform variable): used at `at`, its
    /// value written at `value_at` (the `Default`, an `AllowedValues` entry, a parameters file).
    Parameter {
        at: Span,
        name: String,
        value_at: Option<Span>,
        origin: ParameterOrigin,
        input: InputKind,
        /// The input hides its value: a `NoEcho` parameter (CloudFormation masks it in the
        /// console and in API responses) or a `sensitive` variable.
        hidden: bool,
    },
    /// Computed by a function (`Fn::Sub`, `Fn::FindInMap`, ...) written at `at`.
    Computed { at: Span, function: String },
}

/// What kind of input a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A CloudFormation template parameter.
    Parameter,
    /// A Terraform input variable.
    Variable,
    /// A Serverless Framework variable (`${self:custom.mfa}`, `${opt:stage, 'dev'}`).
    ServerlessVariable,
}

impl InputKind {
    pub fn noun(self) -> &'static str {
        match self {
            InputKind::Parameter => "parameter",
            InputKind::Variable | InputKind::ServerlessVariable => "variable",
        }
    }
}

/// Which of a parameter's possible values is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterOrigin {
    /// The parameter's declared default.
    Default,
    /// One of its allowed values (each is checked as a scenario).
    AllowedValue,
    /// A value given for the scan (`--parameters FILE`, tfvars, `-var`).
    Supplied,
    /// The value the variable refers to, written elsewhere in the project (a Serverless
    /// `custom` entry).
    Written,
    /// The fallback of a variable whose source has no value (`${opt:stage, 'dev'}`).
    Fallback,
}

impl Provenance {
    /// The location a finding on this value points at.
    pub fn primary(&self) -> Span {
        match self {
            Provenance::Literal { at } => *at,
            Provenance::Default { resource, .. } => *resource,
            Provenance::Parameter { at, .. } => *at,
            Provenance::Computed { at, .. } => *at,
        }
    }

    pub fn is_default(&self) -> bool {
        matches!(self, Provenance::Default { .. })
    }
}

/// What a scenario assumes: the value of a parameter, or the outcome of a condition.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Parameter(String),
    Condition(String),
    /// A deployment environment with parameter values of its own (an Amplify environment, a
    /// samconfig environment).
    Environment,
}

/// The assumptions under which an alternative holds. Empty: it always holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// Sorted by subject; one value per subject.
    assumptions: Vec<(Subject, String)>,
}

impl Scenario {
    pub fn always() -> Self {
        Self::default()
    }

    pub fn is_always(&self) -> bool {
        self.assumptions.is_empty()
    }

    pub fn assumptions(&self) -> &[(Subject, String)] {
        &self.assumptions
    }

    /// The value this scenario assumes for `subject`, if any.
    pub fn assumed(&self, subject: &Subject) -> Option<&str> {
        self.assumptions
            .binary_search_by(|(s, _)| s.cmp(subject))
            .ok()
            .map(|i| self.assumptions[i].1.as_str())
    }

    /// This scenario with one more assumption, or `None` if it contradicts one already made.
    pub fn with(&self, subject: Subject, value: impl Into<String>) -> Option<Self> {
        let value = value.into();
        match self.assumptions.binary_search_by(|(s, _)| s.cmp(&subject)) {
            Ok(i) => (self.assumptions[i].1 == value).then(|| self.clone()),
            Err(i) => {
                let mut next = self.clone();
                next.assumptions.insert(i, (subject, value));
                Some(next)
            }
        }
    }

    /// Both scenarios at once, or `None` if they contradict each other.
    pub fn merge(&self, other: &Scenario) -> Option<Self> {
        let mut merged = self.clone();
        for (subject, value) in &other.assumptions {
            merged = merged.with(subject.clone(), value.clone())?;
        }
        Some(merged)
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (subject, value)) in self.assumptions.iter().enumerate() {
            if i > 0 {
                f.write_str(" and ")?;
            }
            match subject {
                Subject::Parameter(name) => write!(f, "parameter `{name}` is `{value}`")?,
                Subject::Condition(name) => write!(f, "condition `{name}` is {value}")?,
                Subject::Environment => write!(f, "the environment is `{value}`")?,
            }
        }
        Ok(())
    }
}

/// One possible value of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative<T> {
    pub value: Value<T>,
    pub scenario: Scenario,
    pub provenance: Provenance,
}

/// An element of a list value, with its own location when it was written one by one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item<T> {
    pub value: T,
    pub at: Option<Span>,
}

pub type List<T> = Vec<Item<T>>;

/// A property of a resource: one alternative, or several when the value depends on a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<T> {
    alternatives: Vec<Alternative<T>>,
}

/// The most alternatives a field keeps; past it the field is unknown (scenario explosion).
pub const MAX_ALTERNATIVES: usize = 64;

/// A rule's answer for one known value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Pass,
    /// The value is at fault; the finding points at the value (or the default's resource).
    Fail,
    /// The value is at fault because of the part written at this span (an element of a list).
    FailAt(Span),
}

impl Check {
    pub fn fail_if(cond: bool) -> Self {
        if cond {
            Check::Fail
        } else {
            Check::Pass
        }
    }
}

/// One failing alternative, and the span a finding should point at.
#[derive(Debug)]
pub struct Hit<'a, T> {
    pub alternative: &'a Alternative<T>,
    pub value: &'a T,
    pub at: Span,
}

/// The outcome of asking a field a question: which alternatives fail, which could not be decided.
#[derive(Debug)]
pub struct Verdict<'a, T> {
    pub hits: Vec<Hit<'a, T>>,
    pub unresolved: Vec<&'a Alternative<T>>,
    pub total: usize,
}

impl<T> Verdict<'_, T> {
    /// Every alternative fails.
    pub fn always(&self) -> bool {
        self.total > 0 && self.hits.len() == self.total
    }

    pub fn never(&self) -> bool {
        self.hits.is_empty()
    }
}

impl<T> Field<T> {
    /// A value written in the source.
    pub fn literal(value: T, at: Span) -> Self {
        Self::single(Value::Known(value), Provenance::Literal { at })
    }

    /// AWS's default for an omitted property.
    pub fn default(
        value: T,
        resource: Span,
        property: impl Into<String>,
        doc: &'static str,
    ) -> Self {
        Self::single(
            Value::Known(value),
            Provenance::Default {
                resource,
                property: property.into(),
                doc,
            },
        )
    }

    pub fn unknown(reason: impl Into<String>, at: Span) -> Self {
        Self::single(
            Value::Unknown(Unknown::new(reason)),
            Provenance::Literal { at },
        )
    }

    pub fn single(value: Value<T>, provenance: Provenance) -> Self {
        Self {
            alternatives: vec![Alternative {
                value,
                scenario: Scenario::always(),
                provenance,
            }],
        }
    }

    /// A field from its alternatives. Past [`MAX_ALTERNATIVES`], or with none, it is unknown.
    pub fn from_alternatives(mut alternatives: Vec<Alternative<T>>, at: Span) -> Self {
        if alternatives.is_empty() {
            return Self::unknown("no scenario gives this property a value", at);
        }
        if alternatives.len() > MAX_ALTERNATIVES {
            return Self::unknown(
                format!("more than {MAX_ALTERNATIVES} scenarios (parameters and conditions) give this property a value"),
                at,
            );
        }
        alternatives.shrink_to_fit();
        Self { alternatives }
    }

    pub fn alternatives(&self) -> &[Alternative<T>] {
        &self.alternatives
    }

    /// The single known value that holds in every scenario, if there is one.
    pub fn known(&self) -> Option<&T> {
        match self.alternatives.as_slice() {
            [Alternative {
                value: Value::Known(v),
                scenario,
                ..
            }] if scenario.is_always() => Some(v),
            _ => None,
        }
    }

    /// Where the field is decided: its first alternative's place.
    pub fn at(&self) -> Span {
        // Every constructor gives a field at least one alternative (`from_alternatives` makes
        // an unknown one when it is given none).
        self.alternatives[0].provenance.primary()
    }

    /// Whether the value was left to AWS's default in every scenario.
    pub fn is_default(&self) -> bool {
        self.alternatives.iter().all(|a| a.provenance.is_default())
    }

    /// The same field with each known value transformed.
    pub fn map<U>(self, f: impl Fn(T) -> U) -> Field<U> {
        Field {
            alternatives: self
                .alternatives
                .into_iter()
                .map(|a| Alternative {
                    value: match a.value {
                        Value::Known(v) => Value::Known(f(v)),
                        Value::Unknown(u) => Value::Unknown(u),
                    },
                    scenario: a.scenario,
                    provenance: a.provenance,
                })
                .collect(),
        }
    }

    /// Asks each known alternative `test`; unknown ones are set aside, never failed.
    pub fn check(&self, test: impl Fn(&T) -> Check) -> Verdict<'_, T> {
        self.check_given(|v, _| test(v))
    }

    /// Like [`Field::check`], for a question about how the value is given as much as what it
    /// is (a secret written in the code, or taken from an input that hides it): `test` also
    /// sees where each value comes from.
    pub fn check_given(&self, test: impl Fn(&T, &Provenance) -> Check) -> Verdict<'_, T> {
        let mut hits = Vec::new();
        let mut unresolved = Vec::new();
        for alternative in &self.alternatives {
            match &alternative.value {
                Value::Unknown(_) => unresolved.push(alternative),
                Value::Known(v) => match test(v, &alternative.provenance) {
                    Check::Pass => {}
                    Check::Fail => hits.push(Hit {
                        alternative,
                        value: v,
                        at: alternative.provenance.primary(),
                    }),
                    Check::FailAt(at) => hits.push(Hit {
                        alternative,
                        value: v,
                        at,
                    }),
                },
            }
        }
        Verdict {
            hits,
            unresolved,
            total: self.alternatives.len(),
        }
    }

    /// Shorthand for a yes/no question.
    pub fn fails_when(&self, test: impl Fn(&T) -> bool) -> Verdict<'_, T> {
        self.check(|v| Check::fail_if(test(v)))
    }

    /// Combines two fields value by value, in every pair of scenarios that can hold together.
    /// The result keeps `self`'s provenance: `self` is the field a finding points at.
    pub fn zip<U, R>(&self, other: &Field<U>, combine: impl Fn(&T, &U) -> R) -> Field<R> {
        let mut alternatives = Vec::new();
        for a in &self.alternatives {
            for b in &other.alternatives {
                let Some(scenario) = a.scenario.merge(&b.scenario) else {
                    continue;
                };
                let value = match (&a.value, &b.value) {
                    (Value::Known(x), Value::Known(y)) => Value::Known(combine(x, y)),
                    (Value::Unknown(u), _) | (_, Value::Unknown(u)) => Value::Unknown(u.clone()),
                };
                alternatives.push(Alternative {
                    value,
                    scenario,
                    provenance: a.provenance.clone(),
                });
            }
        }
        Field::from_alternatives(alternatives, self.at())
    }
}

impl Field<bool> {
    /// Whether the value may be true: it is in some scenario, or it cannot be known. A rule
    /// whose finding needs this condition asks its other fields only then, so that what cannot
    /// matter is neither checked nor listed as undecided.
    pub fn may_be_true(&self) -> bool {
        self.alternatives
            .iter()
            .any(|a| !matches!(a.value, Value::Known(false)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coglint_source::{FileId, TextRange};

    fn at(n: u32) -> Span {
        Span::new(FileId(0), TextRange::new(n, n + 1))
    }

    fn alt(v: Value<u32>, scenario: Scenario, n: u32) -> Alternative<u32> {
        Alternative {
            value: v,
            scenario,
            provenance: Provenance::Literal { at: at(n) },
        }
    }

    #[test]
    fn may_be_true_unless_known_false_everywhere() {
        assert!(!Field::literal(false, at(1)).may_be_true());
        assert!(Field::literal(true, at(1)).may_be_true());
        assert!(Field::<bool>::unknown("no default", at(1)).may_be_true());
    }

    #[test]
    fn unknown_never_fails() {
        let f: Field<u32> = Field::unknown("no default", at(1));
        let v = f.fails_when(|_| true);
        assert!(v.never());
        assert_eq!(v.unresolved.len(), 1);
    }

    #[test]
    fn check_reports_each_failing_scenario() {
        let s1 = Scenario::always().with(Subject::Parameter("P".into()), "a");
        let s2 = Scenario::always().with(Subject::Parameter("P".into()), "b");
        let (Some(s1), Some(s2)) = (s1, s2) else {
            panic!()
        };
        let f = Field::from_alternatives(
            vec![alt(Value::Known(6), s1, 1), alt(Value::Known(20), s2, 2)],
            at(0),
        );
        let v = f.fails_when(|n| *n < 8);
        assert_eq!(v.hits.len(), 1);
        assert!(!v.always());
        assert_eq!(v.hits[0].at, at(1));
        assert_eq!(
            v.hits[0].alternative.scenario.to_string(),
            "parameter `P` is `a`"
        );
    }

    #[test]
    fn zip_drops_contradicting_scenarios() {
        let p = |v: &str| {
            Scenario::always()
                .with(Subject::Parameter("P".into()), v)
                .unwrap_or_default()
        };
        let a = Field::from_alternatives(
            vec![
                alt(Value::Known(1), p("x"), 1),
                alt(Value::Known(2), p("y"), 2),
            ],
            at(0),
        );
        let b = Field::from_alternatives(
            vec![
                alt(Value::Known(10), p("x"), 3),
                alt(Value::Known(20), p("y"), 4),
            ],
            at(0),
        );
        let sums: Vec<u32> = a
            .zip(&b, |x, y| x + y)
            .alternatives()
            .iter()
            .filter_map(|a| match a.value {
                Value::Known(v) => Some(v),
                Value::Unknown(_) => None,
            })
            .collect();
        assert_eq!(sums, vec![11, 22]);
    }

    #[test]
    fn scenario_rejects_contradiction() {
        let s = Scenario::always().with(Subject::Condition("C".into()), "true");
        assert!(s
            .and_then(|s| s.with(Subject::Condition("C".into()), "false"))
            .is_none());
    }

    #[test]
    fn too_many_alternatives_become_unknown() {
        let alts = (0..=MAX_ALTERNATIVES as u32)
            .map(|i| alt(Value::Known(i), Scenario::always(), i))
            .collect();
        let f = Field::from_alternatives(alts, at(0));
        assert!(matches!(f.alternatives()[0].value, Value::Unknown(_)));
    }
}

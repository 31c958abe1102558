//! Fixes: what a rule would change to make a finding go away.
//!
//! A rule never sees syntax, so it states a fix in model terms ([`Change`]: write this value
//! where that one is written, insert this omitted property, remove this list item). The linter
//! (`coglint_linter::fix`) renders each change into byte [`Edit`]s for the file's format and
//! fills [`Fix::edits`]; the CLI (`--fix`, `--diff`) and the language server apply those.

use std::fmt;

use coglint_source::Span;
use serde::Serialize;

/// Whether a fix may be applied without asking: ruff's split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Cannot break a working sign-in (`PreventUserExistenceErrors: ENABLED`, quoting `OFF`):
    /// `coglint check --fix` applies it.
    Safe,
    /// Could change behaviour users or applications rely on (removing the implicit grant,
    /// a longer minimum password): only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One byte edit: replace `span` (possibly empty: an insertion) with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A value a fix writes, rendered in the style of the file it goes into.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FixValue {
    /// A string (an enum word such as `ENABLED`): quoted in JSON and HCL, and in YAML kept in
    /// the quoting style of the value it replaces (plain unless YAML 1.1 would read it as a
    /// boolean, number or null).
    String(String),
    Bool(bool),
    Integer(i64),
}

impl fmt::Display for FixValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FixValue::String(s) => f.write_str(s),
            FixValue::Bool(b) => write!(f, "{b}"),
            FixValue::Integer(n) => write!(f, "{n}"),
        }
    }
}

/// A change in model terms, located by the provenance of the value at fault.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Write `value` in place of the scalar written at `at` (a literal, or the default, tfvars
    /// entry or `custom` entry of the parameter or variable the value comes from).
    Replace { at: Span, value: FixValue },
    /// Insert the omitted `property` (dotted, as the user writes it in this format:
    /// `PasswordPolicy.MinimumLength`, `password_policy.minimum_length`) with `value` into the
    /// properties of the resource whose header is `resource`.
    Insert {
        resource: Span,
        property: String,
        value: FixValue,
    },
    /// Remove the list item written at `at`, with its separator.
    RemoveItem { at: Span },
}

/// A fix of one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What it does, in the imperative: "Set `PreventUserExistenceErrors` to `ENABLED`".
    pub title: String,
    pub applicability: Applicability,
    /// What the rule wants changed.
    pub changes: Vec<Change>,
    /// The changes as byte edits in the files, sorted, not overlapping. Empty until the linter
    /// renders them (`coglint_linter::fix::render`), and empty for a fix that cannot be
    /// rendered (a generated file, a structure too ambiguous to edit safely).
    pub edits: Vec<Edit>,
}

impl Fix {
    /// Whether the fix has edits to apply.
    pub fn is_rendered(&self) -> bool {
        !self.edits.is_empty()
    }
}

/// What a rule asks of the failing value, before the report helper locates it: the rule's
/// side of a fix, in the terms of the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remedy {
    pub title: String,
    pub applicability: Applicability,
    pub action: Action,
}

/// What to do with the failing value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Give the setting this value: replaced where the value is written (the literal, or the
    /// parameter's or variable's value), inserted when the property is omitted.
    Set(FixValue),
    /// Remove the failing item (the one a `Check::FailAt` points at) from its list.
    RemoveItem,
    /// Write this value in place of the failing item of a list.
    ReplaceItem(FixValue),
}

impl Remedy {
    pub fn new(title: impl Into<String>, applicability: Applicability, action: Action) -> Self {
        Self {
            title: title.into(),
            applicability,
            action,
        }
    }
}

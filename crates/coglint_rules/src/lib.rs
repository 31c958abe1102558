//! The rule engine: rule metadata, the findings rules produce, and the registry of every rule.
//!
//! A rule reads only the model ([`coglint_model`]); it never sees YAML, JSON or HCL. Each rule
//! lives in one file under `rules/<area>/`, declared with [`declare_rule!`].

mod context;
mod fix;
mod meta;
mod options;
mod registry;
mod retired;
pub mod rules;

pub use context::{Context, Described, Finding, Instance, Label, UnknownValue};
pub use fix::{Action, Applicability, Change, Edit, Fix, FixValue, Remedy};
pub use meta::{Category, Group, Rule, RuleMeta, RuleMetadata, Severity};
pub use options::{OptionKey, OptionKind, OptionType, OptionValue, RuleOption, SetError, Settings};
pub use registry::{all_rules, find_rule};
pub use retired::{find_retired, retired_rules, RetiredRule};

/// Runs every rule in `rules` over `model`.
pub fn check(
    model: &coglint_model::Model,
    rules: &[&'static dyn Rule],
    settings: &Settings,
) -> Context {
    let mut ctx = Context::new(settings.clone());
    for rule in rules {
        ctx.set_rule(rule.meta());
        rule.check(model, &mut ctx);
    }
    ctx
}

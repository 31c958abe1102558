//! What rules produce, and the one helper that turns a verdict into findings, so every rule
//! locates, words and scopes its findings the same way.

use coglint_model::{ParameterOrigin, Provenance, ResourceMeta, Verdict};
use coglint_source::Span;

use crate::fix::{Action, Change, Fix, Remedy};
use crate::meta::{RuleMeta, Severity};
use crate::options::{OptionKey, OptionType, Settings};

/// A secondary location of a finding, with what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem found by one rule in one resource.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    /// Where the user must change something.
    pub primary: Label,
    /// The rest of the chain: a parameter's default, an allowed value, a supplied value.
    pub secondary: Vec<Label>,
    /// The resource's name (logical ID), type and, for CDK, construct path.
    pub resource: String,
    pub resource_type: String,
    pub logical_path: Option<String>,
    /// The resource's header (where suppressions above a resource are matched).
    pub resource_header: Span,
    /// The setting at fault, in the user's words ("MFA"): with rule, file and resource, what
    /// identifies a finding across edits (baselines, SARIF fingerprints).
    pub setting: String,
    /// The scenario in which the finding holds, in words, if it does not always hold.
    pub scenario: Option<String>,
    /// Whether the value is AWS's default for an omitted property.
    pub defaulted: bool,
    /// The `module` blocks whose calls create the resource's instance, outermost first.
    pub called_from: Vec<Span>,
    /// The other instances with the same mistake at the same place (module callers, `count`
    /// and `for_each` instances, stages, scenarios), merged into this finding by the linter.
    pub instances: Vec<Instance>,
    /// How to make the finding go away, when the rule knows one and the value is written
    /// where it can be edited. Its edits are filled by `coglint_linter::fix::render`.
    pub fix: Option<Fix>,
}

/// Another instance of a finding's resource that fails the same rule at the same place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// The instance's name: a Terraform address, a logical ID.
    pub resource: String,
    /// The scenario in which it fails, in words, if it does not always fail.
    pub scenario: Option<String>,
    /// What tells the instance apart in the user's code: its `module` block, its template's
    /// resource; none when only its name or scenario does.
    pub at: Option<Span>,
}

/// A value a rule could not decide (for `--show-unknown`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    pub rule: &'static str,
    pub resource: String,
    pub what: String,
    pub at: Span,
    pub reason: String,
}

/// How a rule describes one failing value.
pub struct Described {
    /// The finding's message, without scenario (the helper adds it).
    pub message: String,
    /// The offending value as the user would read it: `` `OFF` ``, `24 hours`.
    pub value: String,
    /// A severity other than the rule's own, for this value.
    pub severity: Option<Severity>,
    /// The setting is a list and `value` one of its items: labels say "include", not "is".
    pub item: bool,
    /// Other places that are part of the cause (the trust policy of a role the resource uses),
    /// shown as related locations of the finding.
    pub related: Vec<Label>,
    /// What would fix the value, if the rule offers a fix.
    pub remedy: Option<Remedy>,
}

impl Described {
    pub fn new(message: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            value: value.into(),
            severity: None,
            item: false,
            related: Vec::new(),
            remedy: None,
        }
    }

    /// Offers a fix for the value.
    pub fn fix(mut self, remedy: Remedy) -> Self {
        self.remedy = Some(remedy);
        self
    }

    /// Adds a related location.
    pub fn related(mut self, label: Label) -> Self {
        self.related.push(label);
        self
    }

    /// Marks `value` as an item of a list setting.
    pub fn item(mut self) -> Self {
        self.item = true;
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

/// Collects the findings and unknowns of a run of rules.
#[derive(Debug)]
pub struct Context {
    settings: Settings,
    rule: Option<&'static RuleMeta>,
    pub findings: Vec<Finding>,
    pub unknowns: Vec<UnknownValue>,
}

impl Context {
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            rule: None,
            findings: Vec::new(),
            unknowns: Vec::new(),
        }
    }

    /// The value of one of the rule's options (`ctx.option(Self::MIN_LENGTH)`): as the
    /// configuration sets it, or its declared default.
    pub fn option<T: OptionType>(&self, key: OptionKey<T>) -> T {
        self.settings.get(key)
    }

    pub(crate) fn set_rule(&mut self, rule: &'static RuleMeta) {
        self.rule = Some(rule);
    }

    /// Reports each failing alternative of `verdict` as a finding on `resource`, and records the
    /// alternatives that could not be decided. `what` names the setting in the user's words, so
    /// that "{what} is {value}" reads well ("MFA", "the minimum password length"; for a list,
    /// with [`Described::item`], "{what} include {value}"); `describe` words one failing value.
    pub fn report<T>(
        &mut self,
        resource: &ResourceMeta,
        what: &str,
        verdict: Verdict<'_, T>,
        describe: impl Fn(&T) -> Described,
    ) {
        let Some(rule) = self.rule else {
            return;
        };
        for alternative in verdict.unresolved {
            if let coglint_model::Value::Unknown(u) = &alternative.value {
                self.unknowns.push(UnknownValue {
                    rule: rule.code,
                    resource: resource.name.clone(),
                    what: what.to_string(),
                    at: alternative.provenance.primary(),
                    reason: u.reason.clone(),
                });
            }
        }
        for hit in verdict.hits {
            let described = describe(hit.value);
            let scenario = &hit.alternative.scenario;
            let provenance = &hit.alternative.provenance;
            let in_list = hit.at != provenance.primary();
            let value = &described.value;
            let verb = if described.item { "include" } else { "is" };
            let (primary, secondary) = match provenance {
                Provenance::Default { property, .. } => (
                    format!("`{property}` is omitted, so AWS uses {value}"),
                    Vec::new(),
                ),
                Provenance::Parameter {
                    name,
                    value_at,
                    origin,
                    input,
                    ..
                } => {
                    let noun = input.noun();
                    let primary = format!("{what} {verb} {value}, from {noun} `{name}`");
                    let note = match origin {
                        ParameterOrigin::Default => format!("default value of `{name}`"),
                        ParameterOrigin::AllowedValue => {
                            format!("one of the allowed values of `{name}`")
                        }
                        ParameterOrigin::Supplied => format!("value supplied for `{name}`"),
                        ParameterOrigin::Written => format!("value of `{name}`"),
                        ParameterOrigin::Fallback => format!("fallback value of `{name}`"),
                    };
                    let secondary = value_at
                        .map(|span| Label {
                            span,
                            message: note,
                        })
                        .into_iter()
                        .collect();
                    (primary, secondary)
                }
                Provenance::Computed { function, .. } if !in_list => (
                    format!("{what} is {value} (computed by `{function}`)"),
                    Vec::new(),
                ),
                _ => (format!("{what} {verb} {value}"), Vec::new()),
            };
            // A resource the user cannot edit (a remote module): report at the call that brings it
            // in, and show where the value really is as related.
            // A resource reported elsewhere is not the user's to edit: no fix.
            let fix = match (&described.remedy, &resource.reported_at) {
                (Some(remedy), None) => locate(remedy, provenance, hit.at, in_list),
                _ => None,
            };
            let (hit_at, primary, secondary) = match &resource.reported_at {
                Some(reported) => {
                    let mut related = vec![Label {
                        span: hit.at,
                        message: format!("in {}: {primary}", reported.source),
                    }];
                    related.extend(secondary);
                    (
                        reported.at,
                        format!("{what} {verb} {value} {}", reported.here),
                        related,
                    )
                }
                None => (hit.at, primary, secondary),
            };
            let mut secondary = secondary;
            secondary.extend(described.related.iter().cloned());
            let scenario_text = (!scenario.is_always()).then(|| scenario.to_string());
            let message = match &scenario_text {
                Some(s) => format!("{} (when {s})", described.message),
                None => described.message.clone(),
            };
            let finding = Finding {
                rule,
                severity: described.severity.unwrap_or(rule.severity),
                message,
                primary: Label {
                    span: hit_at,
                    message: primary,
                },
                secondary,
                resource: resource.name.clone(),
                resource_type: resource.type_name.clone(),
                logical_path: resource.logical_path.clone(),
                resource_header: resource.header,
                setting: what.to_string(),
                scenario: scenario_text,
                defaulted: provenance.is_default(),
                called_from: resource.called_from.clone(),
                instances: Vec::new(),
                fix,
            };
            // Scenarios and instances that fail at the same place are merged by the linter.
            self.findings.push(finding);
        }
    }
}

/// Where a remedy applies, from the provenance of the failing value: the literal, the value of
/// the parameter or variable (written once, wherever it is used), or the omitted property. No
/// fix for a computed value, for one of a parameter's allowed values (the scenario is not the
/// author's choice to edit), or for an item of a list that was not written item by item.
fn locate(remedy: &Remedy, provenance: &Provenance, hit_at: Span, in_list: bool) -> Option<Fix> {
    let change = match (&remedy.action, provenance) {
        (Action::Set(value), Provenance::Literal { at }) if !in_list => Change::Replace {
            at: *at,
            value: value.clone(),
        },
        (
            Action::Set(value),
            Provenance::Default {
                resource, property, ..
            },
        ) => Change::Insert {
            resource: *resource,
            property: property.clone(),
            value: value.clone(),
        },
        (
            Action::Set(value),
            Provenance::Parameter {
                value_at: Some(value_at),
                origin,
                ..
            },
        ) if !in_list && *origin != ParameterOrigin::AllowedValue => Change::Replace {
            at: *value_at,
            value: value.clone(),
        },
        (Action::RemoveItem, Provenance::Literal { .. }) if in_list => {
            Change::RemoveItem { at: hit_at }
        }
        (Action::ReplaceItem(value), Provenance::Literal { .. }) if in_list => Change::Replace {
            at: hit_at,
            value: value.clone(),
        },
        _ => return None,
    };
    Some(Fix {
        title: remedy.title.clone(),
        applicability: remedy.applicability,
        changes: vec![change],
        edits: Vec::new(),
    })
}

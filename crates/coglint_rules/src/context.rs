//! What rules produce, and the one helper that turns a verdict into findings, so every rule
//! locates, words and scopes its findings the same way.

use coglint_model::{ParameterOrigin, Provenance, ResourceMeta, Verdict};
use coglint_source::Span;

use crate::meta::{RuleMeta, Severity};

/// Thresholds of the rules (RULES.md's defaults; each is a setting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// COG110: the shortest acceptable minimum password length.
    pub password_min_length: u32,
    /// COG111: whether symbols must be required too.
    pub password_require_symbols: bool,
    /// COG112: the longest acceptable temporary password validity, in days.
    pub temporary_password_max_days: u32,
    /// COG113: the fewest previous passwords a user may not reuse.
    pub password_history_min_size: u32,
    /// COG304: the longest acceptable access token validity, in minutes.
    pub access_token_max_minutes: u32,
    /// COG305: the longest acceptable ID token validity, in minutes.
    pub id_token_max_minutes: u32,
    /// COG306: the longest acceptable refresh token validity, in days.
    pub refresh_token_max_days: u32,
    /// COG207: a range skipped by risk detection is too broad when its prefix is this long or
    /// shorter (`/8` by default; `/0` is every address).
    pub risk_exception_max_prefix_length: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            password_min_length: 14,
            password_require_symbols: false,
            temporary_password_max_days: 1,
            password_history_min_size: 12,
            access_token_max_minutes: 60,
            id_token_max_minutes: 60,
            refresh_token_max_days: 7,
            risk_exception_max_prefix_length: 8,
        }
    }
}

/// A rule setting, to read or write by its `coglint.toml` name.
#[derive(Debug, PartialEq, Eq)]
pub enum SettingMut<'a> {
    Number(&'a mut u32),
    Flag(&'a mut bool),
}

/// Every rule setting as `coglint.toml` names it: `[rules.<rule>] <key> = ...`.
pub const SETTING_KEYS: &[(&str, &str)] = &[
    ("password-too-short", "min-length"),
    ("password-character-classes", "require-symbols"),
    ("temporary-password-validity", "max-days"),
    ("password-history-off", "min-size"),
    ("risk-exception-too-broad", "max-prefix-length"),
    ("client-access-token-lifetime", "max-minutes"),
    ("client-id-token-lifetime", "max-minutes"),
    ("client-refresh-token-lifetime", "max-days"),
];

impl Settings {
    /// The setting `key` of the rule named `rule` (one of [`SETTING_KEYS`]).
    pub fn get_mut(&mut self, rule: &str, key: &str) -> Option<SettingMut<'_>> {
        use SettingMut::{Flag, Number};
        Some(match (rule, key) {
            ("password-too-short", "min-length") => Number(&mut self.password_min_length),
            ("password-character-classes", "require-symbols") => {
                Flag(&mut self.password_require_symbols)
            }
            ("temporary-password-validity", "max-days") => {
                Number(&mut self.temporary_password_max_days)
            }
            ("password-history-off", "min-size") => Number(&mut self.password_history_min_size),
            ("risk-exception-too-broad", "max-prefix-length") => {
                Number(&mut self.risk_exception_max_prefix_length)
            }
            ("client-access-token-lifetime", "max-minutes") => {
                Number(&mut self.access_token_max_minutes)
            }
            ("client-id-token-lifetime", "max-minutes") => Number(&mut self.id_token_max_minutes),
            ("client-refresh-token-lifetime", "max-days") => {
                Number(&mut self.refresh_token_max_days)
            }
            _ => return None,
        })
    }
}

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
}

impl Described {
    pub fn new(message: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            value: value.into(),
            severity: None,
            item: false,
            related: Vec::new(),
        }
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

    pub fn settings(&self) -> &Settings {
        &self.settings
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
            };
            // Scenarios and instances that fail at the same place are merged by the linter.
            self.findings.push(finding);
        }
    }
}

#[cfg(test)]
mod settings_tests {
    use super::*;

    #[test]
    fn every_setting_key_names_a_rule_and_a_setting() {
        let mut settings = Settings::default();
        for (rule, key) in SETTING_KEYS {
            assert!(
                crate::find_rule(rule).is_some(),
                "{rule} is not a rule name"
            );
            assert!(settings.get_mut(rule, key).is_some(), "{rule}.{key}");
        }
        assert_eq!(settings.get_mut("mfa-off", "min-length"), None);
    }
}

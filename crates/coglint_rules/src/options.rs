//! Rule options: thresholds and switches a rule declares with itself (`options: [...]` in
//! [`declare_rule!`](crate::declare_rule)). The declaration is the one place an option is
//! written down: `coglint.toml` accepts exactly the declared keys under `[rules.<rule>]`, and
//! `coglint config --show`, the rule's page and docs/configuration.md are made from it.

use std::collections::BTreeMap;
use std::fmt;

use crate::meta::RuleMeta;

/// One option of a rule, as declared.
#[derive(Debug)]
pub struct RuleOption {
    /// The key under `[rules.<rule>]` in coglint.toml, kebab-case: `min-length`.
    pub key: &'static str,
    /// What it sets, one sentence.
    pub doc: &'static str,
    pub kind: OptionKind,
}

/// What an option takes, and its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// A whole number from `min` to `max`.
    Integer { default: u32, min: u32, max: u32 },
    /// `true` or `false`.
    Flag { default: bool },
}

/// A value of an option, as written in a configuration (an integer may be out of range until
/// [`RuleOption::check`] says it is not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionValue {
    Integer(i64),
    Flag(bool),
}

impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Integer(n) => write!(f, "{n}"),
            OptionValue::Flag(b) => write!(f, "{b}"),
        }
    }
}

impl RuleOption {
    pub fn default_value(&self) -> OptionValue {
        match self.kind {
            OptionKind::Integer { default, .. } => OptionValue::Integer(i64::from(default)),
            OptionKind::Flag { default } => OptionValue::Flag(default),
        }
    }

    /// What the option takes, in words: "a whole number from 6 to 99", "true or false".
    pub fn takes(&self) -> String {
        match self.kind {
            OptionKind::Integer { min, max, .. } => format!("a whole number from {min} to {max}"),
            OptionKind::Flag { .. } => "true or false".to_string(),
        }
    }

    /// Whether the option takes `value`; the error says what it takes.
    pub fn check(&self, value: OptionValue) -> Result<(), String> {
        let fits = match (self.kind, value) {
            (OptionKind::Integer { min, max, .. }, OptionValue::Integer(n)) => {
                (i64::from(min)..=i64::from(max)).contains(&n)
            }
            (OptionKind::Flag { .. }, OptionValue::Flag(_)) => true,
            _ => false,
        };
        if fits {
            Ok(())
        } else {
            Err(format!("`{}` needs {}", self.key, self.takes()))
        }
    }
}

/// A typed handle on one option of one rule, made by `declare_rule!` as a constant of the rule
/// (`PasswordTooShort::MIN_LENGTH`); the rule reads its value with
/// [`Context::option`](crate::Context::option).
#[derive(Clone, Copy, Debug)]
pub struct OptionKey<T> {
    pub rule: &'static str,
    pub key: &'static str,
    pub default: T,
}

/// The Rust type of an option's value.
pub trait OptionType: Copy {
    fn from_value(value: OptionValue) -> Option<Self>;
}

impl OptionType for u32 {
    fn from_value(value: OptionValue) -> Option<Self> {
        match value {
            OptionValue::Integer(n) => u32::try_from(n).ok(),
            OptionValue::Flag(_) => None,
        }
    }
}

impl OptionType for bool {
    fn from_value(value: OptionValue) -> Option<Self> {
        match value {
            OptionValue::Flag(b) => Some(b),
            OptionValue::Integer(_) => None,
        }
    }
}

/// Why [`Settings::set`] refused a value.
#[derive(Debug, PartialEq, Eq)]
pub enum SetError {
    /// The rule declares no option of that key.
    NoSuchOption,
    /// The option does not take the value; the message says what it takes.
    Rejected(String),
}

/// The option values a configuration sets, each checked against its declaration; an option it
/// does not set has its declared default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// By (rule code, option key).
    values: BTreeMap<(&'static str, &'static str), OptionValue>,
}

impl Settings {
    /// Sets option `key` of `rule` to `value`, if the rule declares it and it takes the value.
    pub fn set(
        &mut self,
        rule: &'static RuleMeta,
        key: &str,
        value: OptionValue,
    ) -> Result<(), SetError> {
        let option = rule.option(key).ok_or(SetError::NoSuchOption)?;
        option.check(value).map_err(SetError::Rejected)?;
        self.values.insert((rule.code, option.key), value);
        Ok(())
    }

    /// The value of `option` of `rule`: as set, or its default.
    pub fn value(&self, rule: &RuleMeta, option: &RuleOption) -> OptionValue {
        self.values
            .get(&(rule.code, option.key))
            .copied()
            .unwrap_or_else(|| option.default_value())
    }

    /// The value of the option `key` names.
    pub fn get<T: OptionType>(&self, key: OptionKey<T>) -> T {
        self.values
            .get(&(key.rule, key.key))
            .and_then(|v| T::from_value(*v))
            .unwrap_or(key.default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{declare_rule, Context, RuleMetadata};

    declare_rule! {
        /// A rule to test the declaration of options.
        pub WithOptions {
            code: "COG999",
            name: "with-options",
            severity: Low,
            category: Operations,
            summary: "Test",
            fix: "none",
            cdk_fix: "none",
            related: [],
            options: [
                MAX_DAYS: Integer { key: "max-days", default: 7, range: 1..=365, doc: "The longest validity, in days." },
                STRICT: Flag { key: "strict", default: false, doc: "Whether to be strict." },
            ],
        }
    }

    /// What the rule would read, through the context it gets.
    fn read(settings: &Settings) -> String {
        let ctx = Context::new(settings.clone());
        format!(
            "{} {}",
            ctx.option(WithOptions::MAX_DAYS),
            ctx.option(WithOptions::STRICT)
        )
    }

    #[test]
    fn a_declared_option_is_in_the_metadata_and_read_typed_with_its_default() {
        let meta = WithOptions.meta();
        let keys: Vec<_> = meta.options.iter().map(|o| (o.key, o.kind)).collect();
        assert_eq!(
            keys,
            vec![
                (
                    "max-days",
                    OptionKind::Integer {
                        default: 7,
                        min: 1,
                        max: 365
                    }
                ),
                ("strict", OptionKind::Flag { default: false }),
            ]
        );
        assert_eq!(meta.options[0].doc, "The longest validity, in days.");
        assert_eq!(WithOptions::MAX_DAYS.rule, "COG999");
        assert_eq!(read(&Settings::default()), "7 false");
        let mut settings = Settings::default();
        assert_eq!(
            settings.set(meta, "max-days", OptionValue::Integer(30)),
            Ok(())
        );
        assert_eq!(
            settings.set(meta, "strict", OptionValue::Flag(true)),
            Ok(())
        );
        assert_eq!(read(&settings), "30 true");
        assert_eq!(
            settings.value(meta, &meta.options[0]),
            OptionValue::Integer(30)
        );
    }

    #[test]
    fn a_rule_page_lists_its_options() {
        let page = WithOptions.meta().page();
        assert!(
            page.contains("\n## Options\n\nSet in coglint.toml (see docs/configuration.md); the defaults:\n\n```toml\n[rules.with-options]\nmax-days = 7\nstrict = false\n```\n\n- `max-days` (default `7`; takes a whole number from 1 to 365). The longest validity, in days.\n- `strict` (default `false`; takes true or false). Whether to be strict.\n"),
            "{page}"
        );
        let without = crate::find_rule("mfa-off").map(|r| r.meta().page());
        assert!(without.is_some_and(|p| !p.contains("## Options")));
    }

    #[test]
    fn a_value_out_of_range_of_the_wrong_type_or_for_no_option_is_refused() {
        let meta = WithOptions.meta();
        let mut settings = Settings::default();
        let refused = |message: &str| Err(SetError::Rejected(message.to_string()));
        assert_eq!(
            settings.set(meta, "max-days", OptionValue::Integer(0)),
            refused("`max-days` needs a whole number from 1 to 365")
        );
        assert_eq!(
            settings.set(meta, "max-days", OptionValue::Integer(-1)),
            refused("`max-days` needs a whole number from 1 to 365")
        );
        assert_eq!(
            settings.set(meta, "max-days", OptionValue::Flag(true)),
            refused("`max-days` needs a whole number from 1 to 365")
        );
        assert_eq!(
            settings.set(meta, "strict", OptionValue::Integer(1)),
            refused("`strict` needs true or false")
        );
        assert_eq!(
            settings.set(meta, "max-day", OptionValue::Integer(3)),
            Err(SetError::NoSuchOption)
        );
        assert_eq!(settings, Settings::default());
    }

    #[test]
    fn every_rule_option_is_well_formed() {
        for rule in crate::all_rules() {
            let meta = rule.meta();
            let mut keys: Vec<_> = meta.options.iter().map(|o| o.key).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), meta.options.len(), "{}: a key twice", meta.code);
            for option in meta.options {
                assert!(
                    !option.key.is_empty()
                        && option
                            .key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{}: `{}` is not kebab-case",
                    meta.code,
                    option.key
                );
                assert!(option.doc.ends_with('.'), "{}: {}", meta.code, option.key);
                assert_eq!(option.check(option.default_value()), Ok(()));
            }
        }
    }

    /// A summary that says "(default 14" names the default its rule declares: `coglint rules`
    /// must not promise a threshold the rule does not use.
    #[test]
    fn a_default_named_in_a_summary_is_the_declared_one() {
        let mut named = 0;
        for rule in crate::all_rules() {
            let meta = rule.meta();
            let Some((_, after)) = meta.summary.split_once("(default ") else {
                continue;
            };
            let number: String = after.chars().take_while(char::is_ascii_digit).collect();
            let declared = meta.options.iter().any(|o| {
                matches!(o.kind, OptionKind::Integer { default, .. } if default.to_string() == number)
            });
            assert!(
                declared,
                "{}: the summary names default {number}, which no option declares",
                meta.code
            );
            named += 1;
        }
        assert!(named >= 5, "{named} summaries name a default");
    }
}

//! What a rule says about itself: code, name, severity, documentation.

use std::fmt;

use coglint_model::Model;
use serde::Serialize;

use crate::context::Context;
use crate::options::RuleOption;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
    }

    /// The SARIF `security-severity` score GitHub uses to rank alerts.
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Critical => "9.5",
            Severity::High => "8.0",
            Severity::Medium => "5.5",
            Severity::Low => "3.0",
            Severity::Info => "1.0",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The areas of RULES.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    TemplateCorrectness,
    SignIn,
    ThreatProtection,
    AppClients,
    IdentityPools,
    SignUp,
    Operations,
}

impl Category {
    pub fn title(self) -> &'static str {
        match self {
            Category::TemplateCorrectness => "Template correctness",
            Category::SignIn => "User pool: sign-in, MFA and passwords",
            Category::ThreatProtection => "User pool: threat protection",
            Category::AppClients => "App clients",
            Category::IdentityPools => "Identity pools and their roles",
            Category::SignUp => "Sign-up, recovery and attributes",
            Category::Operations => "Operations and surroundings",
        }
    }
}

/// Whether a rule runs by default. The recommended set is what a reviewer would block a merge
/// for without context the scan cannot see; the hardening group is off by default and turned on
/// with `select = ["hardening"]` (or `"all"`), like clippy's `pedantic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Recommended,
    Hardening,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Recommended => "recommended",
            Group::Hardening => "hardening",
        }
    }

    /// Whether the group's rules run when the configuration selects nothing.
    pub fn on_by_default(self) -> bool {
        self == Group::Recommended
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's metadata. `docs` is the rule's doc comment, Markdown.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub group: Group,
    /// One line, for `coglint rules` and SARIF's short description.
    pub summary: &'static str,
    /// How to fix it, one line, shown as help under each finding.
    pub fix: &'static str,
    /// The fix in the AWS CDK's own API, shown beside `fix` for resources a CDK app synthesized.
    pub cdk_fix: &'static str,
    /// Whether the rule offers an automatic fix (`coglint check --fix`), and how safe it is.
    pub autofix: Option<crate::Applicability>,
    /// Controls of other tools that check the same thing (Security Hub, cdk-nag, checkov, cfn_nag).
    pub related: &'static [&'static str],
    /// Former names, still accepted wherever a rule is named (coglint.toml, `coglint rule`,
    /// suppressions): a rename must not break a user's configuration.
    pub aliases: &'static [&'static str],
    /// Thresholds and switches set under `[rules.<name>]` in coglint.toml.
    pub options: &'static [RuleOption],
    pub docs: &'static str,
}

impl RuleMeta {
    /// Whether `key` names this rule: its code (any case), its name or a former name.
    pub fn answers_to(&self, key: &str) -> bool {
        let key = key.trim();
        self.code.eq_ignore_ascii_case(key) || self.name == key || self.aliases.contains(&key)
    }

    /// The option written `key` under `[rules.<name>]`.
    pub fn option(&self, key: &str) -> Option<&'static RuleOption> {
        self.options.iter().find(|o| o.key == key)
    }

    /// The documentation as Markdown, with the doc comment's leading space removed.
    pub fn documentation(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The rule's documentation page: what `coglint rule` prints and `docs/rules/<name>.md` holds.
    pub fn page(&self) -> String {
        let mut out = format!(
            "# {} ({})\n\nSeverity: {}. Category: {}. Group: {}.\n\n{}.\n\n",
            self.name,
            self.code,
            self.severity,
            self.category.title(),
            match self.group {
                Group::Recommended => "recommended (on by default)",
                Group::Hardening =>
                    "hardening (off by default; `select = [\"hardening\"]` turns it on)",
            },
            self.summary
        );
        for alias in self.aliases {
            out.push_str(&format!(
                "Formerly `{alias}`: that name is still accepted in coglint.toml, `coglint rule` and suppressions.\n\n"
            ));
        }
        out.push_str(&self.documentation());
        out.push_str(&self.autofix_section());
        out.push_str(&self.options_section());
        if !self.related.is_empty() {
            out.push_str("\n## Related controls\n\n");
            for related in self.related {
                out.push_str(&format!("- {related}\n"));
            }
        }
        out
    }

    /// The "Automatic fix" section of the page; empty for a rule without one.
    fn autofix_section(&self) -> String {
        let how = match self.autofix {
            None => return String::new(),
            Some(crate::Applicability::Safe) => {
                "Safe: it cannot break a working sign-in, and `coglint check --fix` applies it."
            }
            Some(crate::Applicability::Unsafe) => {
                "Unsafe: it may change what users or applications rely on, so it is applied only with `coglint check --fix --unsafe-fixes`; review it with `--diff` first."
            }
        };
        format!(
            "\n## Automatic fix\n\n{how} The value is changed where it is written (or the value of the parameter or variable it comes from); an omitted property is inserted. See docs/fixes.md for what is not fixed automatically.\n"
        )
    }

    /// The "Options" section of the page: each option with its default and what it takes, and
    /// the coglint.toml that sets them; empty for a rule without options.
    fn options_section(&self) -> String {
        if self.options.is_empty() {
            return String::new();
        }
        let mut out = format!(
            "\n## Options\n\nSet in coglint.toml (see docs/configuration.md); the defaults:\n\n```toml\n[rules.{}]\n",
            self.name
        );
        for option in self.options {
            out.push_str(&format!("{} = {}\n", option.key, option.default_value()));
        }
        out.push_str("```\n\n");
        for option in self.options {
            out.push_str(&format!(
                "- `{}` (default `{}`; takes {}). {}\n",
                option.key,
                option.default_value(),
                option.takes(),
                option.doc
            ));
        }
        out
    }

    /// Where the rule's documentation is published.
    pub fn url(&self) -> String {
        format!(
            "https://github.com/coglint/coglint/blob/main/docs/rules/{}.md",
            self.name
        )
    }
}

/// Implemented by [`declare_rule!`](crate::declare_rule).
pub trait RuleMetadata {
    fn meta(&self) -> &'static RuleMeta;
}

impl fmt::Debug for dyn Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.meta().code)
    }
}

/// A rule: its metadata (from `declare_rule!`) and its check over the model.
pub trait Rule: RuleMetadata + Send + Sync {
    fn check(&self, model: &Model, ctx: &mut Context);
}

/// Declares a rule: its doc comment becomes its documentation, and the fields its metadata.
/// The rule's file then implements [`Rule::check`].
///
/// A rule with thresholds or switches declares them last, each with the constant the rule
/// reads it through (`ctx.option(Self::MIN_LENGTH)`), its coglint.toml key, its default, for an
/// integer its range, and one sentence on what it sets:
///
/// ```text
/// options: [
///     MIN_LENGTH: Integer { key: "min-length", default: 14, range: 6..=99, doc: "The shortest ..." },
///     REQUIRE_SYMBOLS: Flag { key: "require-symbols", default: false, doc: "Whether ..." },
/// ],
/// ```
#[macro_export]
macro_rules! declare_rule {
    (@group) => { $crate::Group::Recommended };
    (@autofix) => { None };
    (@autofix $applicability:ident) => { Some($crate::Applicability::$applicability) };
    (@group $group:ident) => { $crate::Group::$group };
    (@type Integer) => { u32 };
    (@type Flag) => { bool };
    (@kind Integer $default:literal $min:literal $max:literal) => {{
        const _: () = assert!($min <= $default && $default <= $max, "the default is out of range");
        $crate::OptionKind::Integer { default: $default, min: $min, max: $max }
    }};
    (@kind Integer $default:literal) => {
        compile_error!("an Integer option needs `range: MIN..=MAX`")
    };
    (@kind Flag $default:literal) => { $crate::OptionKind::Flag { default: $default } };
    (@kind Flag $default:literal $min:literal $max:literal) => {
        compile_error!("a Flag option takes no range")
    };
    (
        $(#[doc = $doc:literal])+
        $vis:vis $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            severity: $severity:ident,
            category: $category:ident,
            $(group: $group:ident,)?
            summary: $summary:literal,
            fix: $fix:literal,
            cdk_fix: $cdk_fix:literal,
            $(autofix: $autofix:ident,)?
            related: [$($related:literal),* $(,)?]
            $(, aliases: [$($alias:literal),* $(,)?])?
            $(, options: [$(
                $option:ident: $kind:ident {
                    key: $key:literal,
                    default: $default:literal,
                    $(range: $min:literal..=$max:literal,)?
                    doc: $option_doc:literal $(,)?
                }
            ),* $(,)?])? $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            $($(
                #[doc = $option_doc]
                pub const $option: $crate::OptionKey<$crate::declare_rule!(@type $kind)> =
                    $crate::OptionKey { rule: $code, key: $key, default: $default };
            )*)?
        }

        impl $crate::RuleMetadata for $name {
            fn meta(&self) -> &'static $crate::RuleMeta {
                static META: $crate::RuleMeta = $crate::RuleMeta {
                    code: $code,
                    name: $rule_name,
                    severity: $crate::Severity::$severity,
                    category: $crate::Category::$category,
                    group: $crate::declare_rule!(@group $($group)?),
                    summary: $summary,
                    fix: $fix,
                    cdk_fix: $cdk_fix,
                    autofix: $crate::declare_rule!(@autofix $($autofix)?),
                    related: &[$($related),*],
                    aliases: &[$($($alias),*)?],
                    options: &[$($(
                        $crate::RuleOption {
                            key: $key,
                            doc: $option_doc,
                            kind: $crate::declare_rule!(@kind $kind $default $($min $max)?),
                        }
                    ),*)?],
                    docs: concat!($($doc, "\n"),+),
                };
                &META
            }
        }
    };
}

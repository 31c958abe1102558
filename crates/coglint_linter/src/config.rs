//! `coglint.toml`: which rules run (`select`, `ignore`), their severities, and their options
//! (`[rules.<rule>]`, the keys each rule declares). Found by walking up from the scanned path,
//! or given with `--config`. Unknown keys are errors with their location: a typo must not
//! silently turn a check off. A retired rule is a warning: it was a rule, and the
//! configuration still means what it said.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use coglint_rules::{
    all_rules, find_retired, find_rule, OptionValue, Rule, RuleMeta, SetError, Settings, Severity,
};
use serde::Deserialize;
use toml::Spanned;

pub const CONFIG_FILE: &str = "coglint.toml";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    rules: Option<BTreeMap<Spanned<String>, RuleOptions>>,
    parameters: Option<Vec<RawParameters>>,
}

/// `[[parameters]]`: the parameters file of the templates a glob matches.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameters {
    templates: Spanned<String>,
    file: Spanned<String>,
}

/// Templates (a glob, relative to the directory of coglint.toml) and the file that gives
/// their parameter values.
#[derive(Clone, Debug)]
pub struct ParameterMapping {
    /// The glob as written.
    pub templates: String,
    matcher: globset::GlobMatcher,
    /// The directory of coglint.toml, canonical.
    base: PathBuf,
    /// The parameters file.
    pub file: PathBuf,
}

impl ParameterMapping {
    pub fn new(templates: &str, base: &Path, file: &Path) -> Result<Self, globset::Error> {
        let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
        Ok(Self {
            templates: templates.to_string(),
            matcher: globset::GlobBuilder::new(templates)
                .literal_separator(true)
                .build()?
                .compile_matcher(),
            file: base.join(file),
            base,
        })
    }

    /// Whether the glob matches `template`.
    pub fn matches(&self, template: &Path) -> bool {
        let real = std::fs::canonicalize(template).unwrap_or_else(|_| template.to_path_buf());
        real.strip_prefix(&self.base)
            .is_ok_and(|relative| self.matcher.is_match(relative))
    }
}

/// One rule's options, as written: `min-length = 12`.
type RuleOptions = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The effective configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    pub rules: Vec<&'static dyn Rule>,
    /// The rules' options that the file sets.
    pub settings: Settings,
    /// Severity overrides by rule code.
    pub severities: HashMap<&'static str, Severity>,
    /// `[[parameters]]`: parameters files by template.
    pub parameters: Vec<ParameterMapping>,
    /// The selectors given, in `coglint.toml` and then on the command line.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// What the file says that still works but should change (a retired rule named).
    pub warnings: Vec<ConfigWarning>,
}

impl Config {
    /// Adds selectors and decides again which rules run: a rule runs when its most specific
    /// `select` is more specific than its most specific `ignore` (on a tie, `ignore` wins). The
    /// recommended set is selected by default, less specifically than any selector written.
    pub fn choose(&mut self, select: &[&str], ignore: &[&str]) {
        self.select.extend(select.iter().map(|s| s.to_string()));
        self.ignore.extend(ignore.iter().map(|s| s.to_string()));
        let best = |selectors: &[String], rule: &dyn Rule| {
            selectors.iter().filter_map(|s| specificity(s, rule)).max()
        };
        self.rules = all_rules()
            .iter()
            .copied()
            .filter(|r| {
                let default = r.meta().group.on_by_default().then_some(0);
                let on = best(&self.select, *r).max(default);
                let off = best(&self.ignore, *r);
                match (on, off) {
                    (Some(on), Some(off)) => on > off,
                    (on, _) => on.is_some(),
                }
            })
            .collect();
    }

    /// Applies `--select` and `--ignore` given on the command line, after the file's; an error
    /// names a selector that selects no rule.
    pub fn choose_from_flags(
        &mut self,
        select: &[String],
        ignore: &[String],
    ) -> Result<(), String> {
        for s in select.iter().chain(ignore) {
            if !all_rules().iter().any(|r| selects(s, *r)) {
                return Err(format!("`{s}` selects no rule"));
            }
        }
        let select: Vec<&str> = select.iter().map(String::as_str).collect();
        let ignore: Vec<&str> = ignore.iter().map(String::as_str).collect();
        self.choose(&select, &ignore);
        Ok(())
    }
}

/// The rules that run when nothing is selected: the recommended set.
pub fn default_rules() -> Vec<&'static dyn Rule> {
    all_rules()
        .iter()
        .copied()
        .filter(|r| r.meta().group.on_by_default())
        .collect()
}

impl Default for Config {
    fn default() -> Self {
        Self {
            path: None,
            rules: default_rules(),
            settings: Settings::default(),
            severities: HashMap::new(),
            parameters: Vec::new(),
            select: Vec::new(),
            ignore: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// A configuration file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Something a configuration file says that still works but should change, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: warning: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

/// The warning for `key`, a code or name of a retired rule, written at `offset`; `None` when
/// `key` names no retired rule.
fn retired_at(path: &Path, text: &str, offset: usize, key: &str) -> Option<ConfigWarning> {
    let retired = find_retired(key)?;
    let at = error_at(
        path,
        text,
        offset,
        format!(
            "`{key}` names {} ({}), which was retired ({}); it has no effect, remove it \
             (`coglint rule {}` says why)",
            retired.code, retired.name, retired.headline, retired.code
        ),
    );
    Some(ConfigWarning {
        path: at.path,
        line: at.line,
        column: at.column,
        message: at.message,
    })
}

fn error_at(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> ConfigError {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    ConfigError {
        path: path.display().to_string(),
        line,
        column,
        message: message.into(),
    }
}

/// How precisely a selector (`all`, a group `recommended` or `hardening`, a severity `high`, a
/// code prefix `COG3`, a code `COG301` or a name `client-implicit-grant`) names `rule`, or
/// `None` if it does not take the rule in. The more specific selector decides between `select`
/// and `ignore`, as in ruff: `ignore = ["all"]` with `select = ["COG101"]` runs COG101 alone.
pub fn specificity(selector: &str, rule: &dyn Rule) -> Option<usize> {
    let meta = rule.meta();
    let s = selector.trim();
    if meta.answers_to(s) {
        Some(100)
    } else if s.len() >= 3
        && meta
            .code
            .to_ascii_uppercase()
            .starts_with(&s.to_ascii_uppercase())
    {
        // A longer prefix is more specific.
        Some(10 + s.len())
    } else if Severity::parse(s) == Some(meta.severity) {
        Some(3)
    } else if s.eq_ignore_ascii_case(meta.group.as_str()) {
        Some(2)
    } else if s.eq_ignore_ascii_case("all") {
        Some(1)
    } else {
        None
    }
}

/// Whether a selector takes in `rule`.
pub fn selects(selector: &str, rule: &dyn Rule) -> bool {
    specificity(selector, rule).is_some()
}

/// The `coglint.toml` nearest to `start` (itself or an ancestor), if any.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    let mut dir = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start
    };
    loop {
        let candidate = dir.join(CONFIG_FILE);
        if candidate.exists() && !candidate.is_dir() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// Reads a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = crate::read::read_named(path).map_err(|e| ConfigError {
        path: path.display().to_string(),
        line: 1,
        column: 1,
        message: e.describe(),
    })?;
    parse(path, &text)
}

/// Parses configuration text (`path` is only for messages).
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        error_at(path, text, offset, e.message().trim().to_string())
    })?;
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    let mut warnings = Vec::new();
    let mut check_selector = |s: &Spanned<String>| -> Result<(), ConfigError> {
        if all_rules().iter().any(|r| selects(s.get_ref(), *r)) {
            Ok(())
        } else if let Some(warning) = retired_at(path, text, s.span().start, s.get_ref()) {
            warnings.push(warning);
            Ok(())
        } else {
            Err(error_at(
                path,
                text,
                s.span().start,
                format!("`{}` selects no rule", s.get_ref()),
            ))
        }
    };
    for s in raw
        .select
        .iter()
        .flatten()
        .chain(raw.ignore.iter().flatten())
    {
        check_selector(s)?;
    }
    let select: Vec<&str> = raw
        .select
        .iter()
        .flatten()
        .map(|s| s.get_ref().as_str())
        .collect();
    let ignore: Vec<&str> = raw
        .ignore
        .iter()
        .flatten()
        .map(|s| s.get_ref().as_str())
        .collect();
    config.choose(&select, &ignore);
    for (key, value) in raw.severity.iter().flatten() {
        if let Some(warning) = retired_at(path, text, key.span().start, key.get_ref()) {
            warnings.push(warning);
            continue;
        }
        let rule = find_rule(key.get_ref()).ok_or_else(|| {
            error_at(
                path,
                text,
                key.span().start,
                format!("no rule `{}`", key.get_ref()),
            )
        })?;
        let severity = Severity::parse(value.get_ref()).ok_or_else(|| {
            error_at(
                path,
                text,
                value.span().start,
                format!(
                    "`{}` is not a severity (info, low, medium, high, critical)",
                    value.get_ref()
                ),
            )
        })?;
        config.severities.insert(rule.meta().code, severity);
    }
    let base = path.parent().unwrap_or(Path::new("."));
    for mapping in raw.parameters.iter().flatten() {
        let parsed = ParameterMapping::new(
            mapping.templates.get_ref(),
            base,
            Path::new(mapping.file.get_ref()),
        )
        .map_err(|e| {
            error_at(
                path,
                text,
                mapping.templates.span().start,
                format!("`{}` is not a glob: {e}", mapping.templates.get_ref()),
            )
        })?;
        if !parsed.file.is_file() {
            return Err(error_at(
                path,
                text,
                mapping.file.span().start,
                format!("parameters file `{}` not found", mapping.file.get_ref()),
            ));
        }
        config.parameters.push(parsed);
    }
    for (rule_key, options) in raw.rules.iter().flatten() {
        if let Some(warning) = retired_at(path, text, rule_key.span().start, rule_key.get_ref()) {
            warnings.push(warning);
            continue;
        }
        let rule = find_rule(rule_key.get_ref()).ok_or_else(|| {
            error_at(
                path,
                text,
                rule_key.span().start,
                format!("no rule `{}`", rule_key.get_ref()),
            )
        })?;
        for (key, value) in options {
            set_option(&mut config.settings, rule.meta(), key, value)
                .map_err(|(offset, message)| error_at(path, text, offset, message))?;
        }
    }
    config.warnings = warnings;
    Ok(config)
}

/// Sets option `key` of `rule` to `value` as written; the error is an offset and a message.
fn set_option(
    settings: &mut Settings,
    rule: &'static RuleMeta,
    key: &Spanned<String>,
    value: &Spanned<toml::Value>,
) -> Result<(), (usize, String)> {
    let written = match value.get_ref() {
        toml::Value::Integer(n) => Some(OptionValue::Integer(*n)),
        toml::Value::Boolean(b) => Some(OptionValue::Flag(*b)),
        _ => None,
    };
    let rejected = |message: String| {
        (
            value.span().start,
            format!("{message}, not {}", value.get_ref()),
        )
    };
    let result = match (rule.option(key.get_ref()), written) {
        (Some(_), Some(written)) => settings.set(rule, key.get_ref(), written),
        (Some(option), None) => Err(SetError::Rejected(format!(
            "`{}` needs {}",
            option.key,
            option.takes()
        ))),
        (None, _) => Err(SetError::NoSuchOption),
    };
    match result {
        Ok(()) => Ok(()),
        Err(SetError::Rejected(message)) => Err(rejected(message)),
        Err(SetError::NoSuchOption) => {
            let keys: Vec<String> = rule
                .options
                .iter()
                .map(|o| format!("`{}`", o.key))
                .collect();
            let known = if keys.is_empty() {
                "it has no options".to_string()
            } else {
                format!("its options: {}", keys.join(", "))
            };
            Err((
                key.span().start,
                format!(
                    "rule `{}` has no option `{}` ({known})",
                    rule.name,
                    key.get_ref()
                ),
            ))
        }
    }
}

/// The effective configuration as TOML, for `coglint config --show`.
pub fn show(config: &Config) -> String {
    let mut out = String::new();
    match &config.path {
        Some(path) => out.push_str(&format!("# from {}\n", path.display())),
        None => out.push_str("# no coglint.toml found: the defaults\n"),
    }
    let codes: Vec<String> = config
        .rules
        .iter()
        .map(|r| format!("\"{}\"", r.meta().code))
        .collect();
    out.push_str(&format!("select = [{}]\n", codes.join(", ")));
    if !config.severities.is_empty() {
        out.push_str("\n[severity]\n");
        let mut overrides: Vec<_> = config.severities.iter().collect();
        overrides.sort();
        for (code, severity) in overrides {
            out.push_str(&format!("{code} = \"{severity}\"\n"));
        }
    }
    // Every option of every rule, with its value: what the file sets, or the default.
    for rule in all_rules() {
        let meta = rule.meta();
        if meta.options.is_empty() {
            continue;
        }
        let on = config.rules.iter().any(|r| r.meta().code == meta.code);
        out.push_str(&format!(
            "\n# {} {} ({})\n[rules.{}]\n",
            meta.code,
            meta.name,
            if on { "on" } else { "off" },
            meta.name
        ));
        for option in meta.options {
            let value = config.settings.value(meta, option);
            let default = option.default_value();
            let note = if value == default {
                "the default".to_string()
            } else {
                format!("default {default}")
            };
            out.push_str(&format!(
                "# {}\n{} = {value}  # {note}\n",
                option.doc, option.key
            ));
        }
    }
    for mapping in &config.parameters {
        out.push_str(&format!(
            "\n[[parameters]]\ntemplates = {:?}\nfile = {:?}\n",
            mapping.templates,
            mapping.file.display().to_string()
        ));
    }
    out
}

#[cfg(test)]
mod tests;

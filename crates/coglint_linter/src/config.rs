//! `coglint.toml`: which rules run (`select`, `ignore`), their severities, and their
//! thresholds. Found by walking up from the scanned path, or given with `--config`. Unknown
//! keys are errors with their location: a typo must not silently turn a check off. A retired
//! rule is a warning: it was a rule, and the configuration still means what it said.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use coglint_rules::{
    all_rules, find_retired, find_rule, Rule, SettingMut, Settings, Severity, SETTING_KEYS,
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
    rules: Option<BTreeMap<Spanned<String>, RuleSettings>>,
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

/// One rule's settings, as written: `min-length = 12`.
type RuleSettings = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The effective configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    pub rules: Vec<&'static dyn Rule>,
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
    for (rule_key, settings) in raw.rules.iter().flatten() {
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
        for (key, value) in settings {
            let at = value.span().start;
            let as_u32 = || -> Result<u32, ConfigError> {
                value
                    .get_ref()
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| {
                        error_at(
                            path,
                            text,
                            at,
                            format!("`{}` needs a whole number", key.get_ref()),
                        )
                    })
            };
            let as_bool = || -> Result<bool, ConfigError> {
                value.get_ref().as_bool().ok_or_else(|| {
                    error_at(
                        path,
                        text,
                        at,
                        format!("`{}` needs true or false", key.get_ref()),
                    )
                })
            };
            let name = rule.meta().name;
            match config.settings.get_mut(name, key.get_ref()) {
                Some(SettingMut::Number(n)) => *n = as_u32()?,
                Some(SettingMut::Flag(b)) => *b = as_bool()?,
                None => {
                    return Err(error_at(
                        path,
                        text,
                        key.span().start,
                        format!("rule `{name}` has no setting `{}`", key.get_ref()),
                    ))
                }
            }
        }
    }
    config.warnings = warnings;
    Ok(config)
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
    let mut settings = config.settings.clone();
    for (rule, key) in SETTING_KEYS {
        let value = match settings.get_mut(rule, key) {
            Some(SettingMut::Number(n)) => n.to_string(),
            Some(SettingMut::Flag(b)) => b.to_string(),
            None => continue,
        };
        out.push_str(&format!("\n[rules.{rule}]\n{key} = {value}\n"));
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
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("coglint.toml"), text)
    }

    #[test]
    fn the_risk_exception_prefix_is_a_setting() {
        let Ok(config) = parse_str("[rules.COG207]\nmax-prefix-length = 16\n") else {
            panic!("rejected")
        };
        assert_eq!(config.settings.risk_exception_max_prefix_length, 16);
        assert!(
            show(&config).contains("[rules.risk-exception-too-broad]\nmax-prefix-length = 16\n")
        );
    }

    fn codes(text: &str) -> Vec<&'static str> {
        match parse_str(text) {
            Ok(config) => config.rules.iter().map(|r| r.meta().code).collect(),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn the_recommended_set_runs_by_default_and_selectors_decide_by_specificity() {
        let recommended = codes("");
        assert_eq!(recommended.len(), 34);
        assert!(recommended.contains(&"COG101") && !recommended.contains(&"COG602"));
        assert_eq!(codes("select = [\"hardening\"]\n").len(), 48);
        assert_eq!(codes("select = [\"all\"]\n").len(), 48);
        // The more specific selector wins: a code over `all`, a code over a group or severity.
        assert_eq!(
            codes("ignore = [\"all\"]\nselect = [\"COG101\", \"client-implicit-grant\"]\n"),
            vec!["COG101", "COG301"]
        );
        let hardening = codes("select = [\"hardening\"]\nignore = [\"COG602\", \"low\"]\n");
        assert!(!hardening.contains(&"COG602") && !hardening.contains(&"COG603"));
        assert!(hardening.contains(&"COG607") && hardening.contains(&"COG101"));
        let clients = codes("ignore = [\"COG3\"]\nselect = [\"COG301\"]\n");
        assert!(clients.contains(&"COG301") && !clients.contains(&"COG302"));
        // On a tie, ignore wins.
        assert!(!codes("select = [\"COG301\"]\nignore = [\"COG301\"]\n").contains(&"COG301"));
    }

    #[test]
    fn command_line_selectors_add_to_the_file() {
        let Ok(mut config) = parse_str("ignore = [\"COG101\"]\n") else {
            panic!()
        };
        assert!(config
            .choose_from_flags(&["hardening".into()], &["COG602".into()])
            .is_ok());
        let codes: Vec<_> = config.rules.iter().map(|r| r.meta().code).collect();
        assert!(!codes.contains(&"COG101") && !codes.contains(&"COG602"));
        assert!(codes.contains(&"COG603"));
        assert_eq!(
            config.choose_from_flags(&["COG999".into()], &[]),
            Err("`COG999` selects no rule".to_string())
        );
    }

    #[test]
    fn select_ignore_severity_and_settings() {
        let config = parse_str(
            "ignore = [\"all\"]\nselect = [\"COG1\", \"client-implicit-grant\"]\n[severity]\nCOG102 = \"high\"\n[rules.password-too-short]\nmin-length = 12\n",
        );
        let Ok(config) = config else {
            panic!("{config:?}")
        };
        let codes: Vec<_> = config.rules.iter().map(|r| r.meta().code).collect();
        assert_eq!(
            codes,
            vec![
                "COG101", "COG102", "COG103", "COG104", "COG110", "COG111", "COG112", "COG113",
                "COG301"
            ]
        );
        assert_eq!(config.severities.get("COG102"), Some(&Severity::High));
        assert_eq!(config.settings.password_min_length, 12);
    }

    #[test]
    fn a_former_rule_name_still_selects_the_rule() {
        let config = parse_str(
            "ignore = [\"all\"]\nselect = [\"new-device-without-challenge\"]\n[severity]\nnew-device-without-challenge = \"medium\"\n",
        );
        let Ok(config) = config else {
            panic!("{config:?}")
        };
        let codes: Vec<_> = config.rules.iter().map(|r| r.meta().code).collect();
        assert_eq!(codes, vec!["COG506"]);
        assert_eq!(config.severities.get("COG506"), Some(&Severity::Medium));
    }

    #[test]
    fn a_retired_rule_is_a_warning_with_its_place() {
        let text = "select = [\"COG1\", \"COG505\"]\nignore = [\"recovery-without-verified-attributes\", \"all\"]\n\n[severity]\nCOG505 = \"high\"\n\n[rules.COG505]\nanything = 1\n";
        let config = parse_str(text).unwrap_or_else(|e| panic!("{e}"));
        let codes: Vec<_> = config.rules.iter().map(|r| r.meta().code).collect();
        assert_eq!(
            codes,
            vec!["COG101", "COG102", "COG103", "COG104", "COG110", "COG111", "COG112", "COG113"]
        );
        assert!(config.severities.is_empty());
        let places: Vec<_> = config.warnings.iter().map(|w| (w.line, w.column)).collect();
        assert_eq!(places, vec![(1, 19), (2, 11), (5, 1), (7, 8)]);
        assert_eq!(
            config.warnings[0].to_string(),
            "coglint.toml:1:19: warning: `COG505` names COG505 (recovery-without-verified-attributes), which was retired (Cognito never sends a reset code to an unverified address); it has no effect, remove it (`coglint rule COG505` says why)"
        );
        // Not a typo: no warning for a configuration that names only running rules.
        let clean = parse_str("select = [\"COG1\"]\n").unwrap_or_else(|e| panic!("{e}"));
        assert!(clean.warnings.is_empty());
    }

    #[test]
    fn password_history_threshold_is_a_setting() {
        let config = parse_str("[rules.password-history-off]\nmin-size = 5\n");
        let Ok(config) = config else {
            panic!("{config:?}")
        };
        assert_eq!(config.settings.password_history_min_size, 5);
        assert!(show(&config).contains("[rules.password-history-off]\nmin-size = 5\n"));
    }

    #[test]
    fn token_lifetime_thresholds_are_settings() {
        let config = parse_str(
            "[rules.client-access-token-lifetime]\nmax-minutes = 30\n[rules.COG305]\nmax-minutes = 15\n[rules.client-refresh-token-lifetime]\nmax-days = 1\n",
        );
        let Ok(config) = config else {
            panic!("{config:?}")
        };
        assert_eq!(config.settings.access_token_max_minutes, 30);
        assert_eq!(config.settings.id_token_max_minutes, 15);
        assert_eq!(config.settings.refresh_token_max_days, 1);
        assert!(show(&config).contains("[rules.client-refresh-token-lifetime]\nmax-days = 1\n"));
    }

    #[test]
    fn parameters_files_are_mapped_to_templates_by_glob() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("stacks/auth"))?;
        std::fs::create_dir_all(dir.path().join("params"))?;
        std::fs::write(dir.path().join("params/prod.json"), "{}")?;
        std::fs::write(dir.path().join("stacks/auth/template.yaml"), "")?;
        std::fs::write(dir.path().join("other.yaml"), "")?;
        let path = dir.path().join("coglint.toml");
        let text =
            "[[parameters]]\ntemplates = \"stacks/**/*.yaml\"\nfile = \"params/prod.json\"\n";
        let config = parse(&path, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.parameters.len(), 1);
        let mapping = &config.parameters[0];
        assert!(mapping.matches(&dir.path().join("stacks/auth/template.yaml")));
        assert!(!mapping.matches(&dir.path().join("other.yaml")));
        assert!(show(&config).contains("[[parameters]]\ntemplates = \"stacks/**/*.yaml\""));
        let missing = "[[parameters]]\ntemplates = \"*.yaml\"\nfile = \"nope.json\"\n";
        assert_eq!(
            parse(&path, missing).err().map(|e| e.message),
            Some("parameters file `nope.json` not found".to_string())
        );
        let bad_glob = "[[parameters]]\ntemplates = \"a[\"\nfile = \"params/prod.json\"\n";
        assert!(parse(&path, bad_glob)
            .err()
            .is_some_and(|e| e.line == 2 && e.message.contains("is not a glob")));
        Ok(())
    }

    #[test]
    fn mistakes_are_errors_with_their_place() {
        let err = |text: &str| {
            parse_str(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(err("selct = []\n"), "coglint.toml:1:1: unknown field `selct`, expected one of `select`, `ignore`, `severity`, `rules`, `parameters`");
        assert_eq!(
            err("select = [\"COG999\"]\n"),
            "coglint.toml:1:11: `COG999` selects no rule"
        );
        assert_eq!(
            err("[rules.password-too-short]\nmin-lenght = 12\n"),
            "coglint.toml:2:1: rule `password-too-short` has no setting `min-lenght`"
        );
        assert_eq!(
            err("[severity]\nCOG101 = \"urgent\"\n"),
            "coglint.toml:2:10: `urgent` is not a severity (info, low, medium, high, critical)"
        );
        assert_eq!(
            err("[rules.password-too-short]\nmin-length = \"12\"\n"),
            "coglint.toml:2:14: `min-length` needs a whole number"
        );
    }
}

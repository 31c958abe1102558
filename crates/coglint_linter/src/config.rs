//! `coglint.toml`: which rules run (`select`, `ignore`), their severities, and their
//! thresholds. Found by walking up from the scanned path, or given with `--config`. Unknown
//! keys are errors with their location: a typo must not silently turn a check off.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use coglint_rules::{all_rules, find_rule, Rule, SettingMut, Settings, Severity, SETTING_KEYS};
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
}

impl Default for Config {
    fn default() -> Self {
        Self {
            path: None,
            rules: all_rules().to_vec(),
            settings: Settings::default(),
            severities: HashMap::new(),
            parameters: Vec::new(),
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

/// Whether a selector (`COG301`, `client-implicit-grant`, a code prefix `COG3`, a severity
/// `high`) takes in `rule`.
fn selects(selector: &str, rule: &dyn Rule) -> bool {
    let meta = rule.meta();
    let s = selector.trim();
    meta.code.eq_ignore_ascii_case(s)
        || meta.name == s
        || (s.len() >= 3
            && meta
                .code
                .to_ascii_uppercase()
                .starts_with(&s.to_ascii_uppercase()))
        || Severity::parse(s) == Some(meta.severity)
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
        if candidate.is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// Reads a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.display().to_string(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
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
    let check_selector = |s: &Spanned<String>| -> Result<(), ConfigError> {
        if all_rules().iter().any(|r| selects(s.get_ref(), *r)) {
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
    if let Some(select) = &raw.select {
        for s in select {
            check_selector(s)?;
        }
        config
            .rules
            .retain(|r| select.iter().any(|s| selects(s.get_ref(), *r)));
    }
    if let Some(ignore) = &raw.ignore {
        for s in ignore {
            check_selector(s)?;
        }
        config
            .rules
            .retain(|r| !ignore.iter().any(|s| selects(s.get_ref(), *r)));
    }
    for (key, value) in raw.severity.iter().flatten() {
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

    #[test]
    fn select_ignore_severity_and_settings() {
        let config = parse_str(
            "select = [\"COG1\", \"client-implicit-grant\"]\nignore = [\"low\"]\n[severity]\nCOG102 = \"high\"\n[rules.password-too-short]\nmin-length = 12\n",
        );
        let Ok(config) = config else {
            panic!("{config:?}")
        };
        let codes: Vec<_> = config.rules.iter().map(|r| r.meta().code).collect();
        assert_eq!(
            codes,
            vec!["COG101", "COG102", "COG103", "COG104", "COG110", "COG301"]
        );
        assert_eq!(config.severities.get("COG102"), Some(&Severity::High));
        assert_eq!(config.settings.password_min_length, 12);
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

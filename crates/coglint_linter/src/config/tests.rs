//! Tests of coglint.toml: selectors, severities, rule options, parameters and mistakes.

use super::*;

fn parse_str(text: &str) -> Result<Config, ConfigError> {
    parse(Path::new("coglint.toml"), text)
}

/// The value of option `key` of `rule` in `config`.
fn option(config: &Config, rule: &str, key: &str) -> OptionValue {
    let Some(meta) = find_rule(rule).map(|r| r.meta()) else {
        panic!("no rule {rule}")
    };
    let Some(option) = meta.option(key) else {
        panic!("{rule} has no option {key}")
    };
    config.settings.value(meta, option)
}

/// The thresholds block docs/configuration.md showed before options were declared with their
/// rules: a file written from it must keep working, and mean the same.
const THRESHOLDS_AS_DOCUMENTED: &str = "\
[rules.password-too-short]
min-length = 12

[rules.password-character-classes]
require-symbols = true

[rules.temporary-password-validity]
max-days = 2

[rules.password-history-off]
min-size = 5

[rules.client-access-token-lifetime]
max-minutes = 30

[rules.COG305]
max-minutes = 15

[rules.client-refresh-token-lifetime]
max-days = 1

[rules.risk-exception-too-broad]
max-prefix-length = 16
";

#[test]
fn thresholds_written_as_before_keep_working() {
    let config = parse_str(THRESHOLDS_AS_DOCUMENTED).unwrap_or_else(|e| panic!("{e}"));
    let int = OptionValue::Integer;
    for (rule, key, want) in [
        ("password-too-short", "min-length", int(12)),
        (
            "password-character-classes",
            "require-symbols",
            OptionValue::Flag(true),
        ),
        ("temporary-password-validity", "max-days", int(2)),
        ("password-history-off", "min-size", int(5)),
        ("client-access-token-lifetime", "max-minutes", int(30)),
        ("client-id-token-lifetime", "max-minutes", int(15)),
        ("client-refresh-token-lifetime", "max-days", int(1)),
        ("risk-exception-too-broad", "max-prefix-length", int(16)),
    ] {
        assert_eq!(option(&config, rule, key), want, "{rule}.{key}");
    }
    // What a rule reads, typed, through the key its declaration makes.
    use coglint_rules::rules::user_pool::password_too_short::PasswordTooShort;
    assert_eq!(config.settings.get(PasswordTooShort::MIN_LENGTH), 12);
    assert_eq!(Settings::default().get(PasswordTooShort::MIN_LENGTH), 14);
}

/// A value the option takes that is not its default.
fn other_value(kind: coglint_rules::OptionKind) -> OptionValue {
    match kind {
        coglint_rules::OptionKind::Integer { default, max, .. } if default < max => {
            OptionValue::Integer(i64::from(default) + 1)
        }
        coglint_rules::OptionKind::Integer { default, .. } => {
            OptionValue::Integer(i64::from(default) - 1)
        }
        coglint_rules::OptionKind::Flag { default } => OptionValue::Flag(!default),
    }
}

#[test]
fn every_declared_option_is_accepted_under_its_rule_and_shown() {
    let mut declared = 0;
    for rule in all_rules() {
        let meta = rule.meta();
        for opt in meta.options {
            declared += 1;
            let value = other_value(opt.kind);
            // By name and by code.
            for table in [meta.name, meta.code] {
                let text = format!("[rules.{table}]\n{} = {value}\n", opt.key);
                let config = parse_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(option(&config, meta.name, opt.key), value, "{text}");
                let line = format!(
                    "[rules.{}]\n# {}\n{} = {value}  # default {}\n",
                    meta.name,
                    opt.doc,
                    opt.key,
                    opt.default_value()
                );
                let shown = show(&config);
                assert!(shown.contains(&line), "{line} not in:\n{shown}");
            }
        }
    }
    assert!(declared >= 8, "{declared} options declared");
}

#[test]
fn config_show_lists_each_option_with_its_value_and_rule() {
    let config = parse_str("[rules.password-too-short]\nmin-length = 12\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let shown = show(&config);
    assert!(
        shown.contains(
            "\n# COG110 password-too-short (on)\n[rules.password-too-short]\n# The shortest acceptable minimum password length: a policy that accepts shorter passwords is flagged.\nmin-length = 12  # default 14\n"
        ),
        "{shown}"
    );
    // Options left alone are listed with their default; rules off by default say so.
    assert!(
        shown.contains(
            "\n# COG111 password-character-classes (off)\n[rules.password-character-classes]\n"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("\nrequire-symbols = false  # the default\n"),
        "{shown}"
    );
    // What is shown is a configuration that means the same.
    let again = parse_str(&shown).unwrap_or_else(|e| panic!("{e}\n{shown}"));
    for rule in all_rules() {
        for opt in rule.meta().options {
            assert_eq!(
                again.settings.value(rule.meta(), opt),
                config.settings.value(rule.meta(), opt)
            );
        }
    }
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
    assert_eq!(
        option(&config, "password-too-short", "min-length"),
        OptionValue::Integer(12)
    );
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
fn parameters_files_are_mapped_to_templates_by_glob() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::create_dir_all(dir.path().join("stacks/auth"))?;
    std::fs::create_dir_all(dir.path().join("params"))?;
    std::fs::write(dir.path().join("params/prod.json"), "{}")?;
    std::fs::write(dir.path().join("stacks/auth/template.yaml"), "")?;
    std::fs::write(dir.path().join("other.yaml"), "")?;
    let path = dir.path().join("coglint.toml");
    let text = "[[parameters]]\ntemplates = \"stacks/**/*.yaml\"\nfile = \"params/prod.json\"\n";
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
        "coglint.toml:2:1: rule `password-too-short` has no option `min-lenght` (its options: `min-length`)"
    );
    assert_eq!(
        err("[rules.mfa-off]\nmin-length = 12\n"),
        "coglint.toml:2:1: rule `mfa-off` has no option `min-length` (it has no options)"
    );
    assert_eq!(
        err("[rules.mfa-of]\nmin-length = 12\n"),
        "coglint.toml:1:8: no rule `mfa-of`"
    );
    assert_eq!(
        err("[severity]\nCOG101 = \"urgent\"\n"),
        "coglint.toml:2:10: `urgent` is not a severity (info, low, medium, high, critical)"
    );
    assert_eq!(
        err("[rules.password-too-short]\nmin-length = \"12\"\n"),
        "coglint.toml:2:14: `min-length` needs a whole number from 6 to 99, not \"12\""
    );
    assert_eq!(
        err("[rules.password-too-short]\nmin-length = 100\n"),
        "coglint.toml:2:14: `min-length` needs a whole number from 6 to 99, not 100"
    );
    assert_eq!(
        err("[rules.COG110]\n\nmin-length = -14\n"),
        "coglint.toml:3:14: `min-length` needs a whole number from 6 to 99, not -14"
    );
    assert_eq!(
        err("[rules.password-character-classes]\nrequire-symbols = \"yes\"\n"),
        "coglint.toml:2:19: `require-symbols` needs true or false, not \"yes\""
    );
    assert_eq!(
        err("[rules.client-refresh-token-lifetime]\nmax-days = 7.5\n"),
        "coglint.toml:2:12: `max-days` needs a whole number from 1 to 3650, not 7.5"
    );
}

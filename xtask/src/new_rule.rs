//! `cargo xtask new-rule COG123 rule-name area`: writes the rule's file from a skeleton,
//! registers it (its area's `mod.rs` and the registry, in code order) and lays out its fixtures
//! under testdata/rules/<rule-name>/. The fixture harness fails until the rule and its fixtures
//! are written: a new rule cannot be forgotten half-done.

use std::path::{Path, PathBuf};

/// The areas of RULES.md: (module directory, `Category` variant, code hundreds).
const AREAS: &[(&str, &str, char)] = &[
    ("template", "TemplateCorrectness", '0'),
    ("user_pool", "SignIn", '1'),
    ("threat_protection", "ThreatProtection", '2'),
    ("client", "AppClients", '3'),
    ("identity_pool", "IdentityPools", '4'),
    ("sign_up", "SignUp", '5'),
    ("operations", "Operations", '6'),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pascal(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn rule_file(code: &str, name: &str, category: &str) -> String {
    format!(
        r#"use coglint_model::Model;

use crate::{{declare_rule, Context, Rule}};

declare_rule! {{
    /// ## What it does
    /// (What the rule flags, in the user's words.)
    ///
    /// ## Why is this bad?
    /// (The attack or the failure it lets happen.)
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: ...
    /// - Terraform: ...
    /// - CDK: ...
    pub {pascal} {{
        code: "{code}",
        name: "{name}",
        severity: Medium,
        category: {category},
        summary: "(one line: what it finds)",
        fix: "(one line: how to fix it)",
        cdk_fix: "(the fix in the CDK's API)",
        related: [],
        // Options (thresholds, switches) are declared here and nowhere else: coglint.toml
        // accepts them under `[rules.{name}]`, `coglint config --show` and the docs list them.
        // Read one with `ctx.option(Self::MAX_DAYS)`; keep what the rule uses and remove the
        // rest (see password_too_short.rs).
{options}
    }}
}}

impl Rule for {pascal} {{
    fn check(&self, model: &Model, ctx: &mut Context) {{
        // Ask the model a question and hand the verdict to `ctx.report`; see mfa_off.rs.
        let _ = (model, ctx);
    }}
}}
"#,
        pascal = pascal(name),
        options = commented(OPTIONS_EXAMPLE, "        // "),
    )
}

/// How a rule declares options, shown commented out in a new rule. The rules crate declares a
/// rule with these very lines in a test (crates/coglint_rules/src/options.rs), so the example
/// compiles.
const OPTIONS_EXAMPLE: &str = r#"options: [
    MAX_DAYS: Integer { key: "max-days", default: 7, range: 1..=365, doc: "The longest validity, in days." },
    STRICT: Flag { key: "strict", default: false, doc: "Whether to be strict." },
],"#;

fn commented(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

const FIXTURES: &[(&str, &str)] = &[
    (
        "fail.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  FailExample:\n    Type: AWS::Cognito::UserPool\n",
    ),
    (
        "fail.json",
        "{\n  \"Resources\": {\n    \"FailExample\": {\"Type\": \"AWS::Cognito::UserPool\"}\n  }\n}\n",
    ),
    (
        "fail.tf",
        "resource \"aws_cognito_user_pool\" \"fail_example\" {\n  name = \"fail\"\n}\n",
    ),
    (
        "pass.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  PassExample:\n    Type: AWS::Cognito::UserPool\n",
    ),
    (
        "pass.json",
        "{\n  \"Resources\": {\n    \"PassExample\": {\"Type\": \"AWS::Cognito::UserPool\"}\n  }\n}\n",
    ),
    (
        "pass.tf",
        "resource \"aws_cognito_user_pool\" \"pass_example\" {\n  name = \"pass\"\n}\n",
    ),
    (
        "unknown.yaml",
        "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Unset:\n    Type: String\nResources:\n  UnknownExample:\n    Type: AWS::Cognito::UserPool\n",
    ),
    (
        "unknown.json",
        "{\n  \"Parameters\": {\"Unset\": {\"Type\": \"String\"}},\n  \"Resources\": {\n    \"UnknownExample\": {\"Type\": \"AWS::Cognito::UserPool\"}\n  }\n}\n",
    ),
    (
        "unknown.tf",
        "variable \"unset\" {\n  type = string\n}\n\nresource \"aws_cognito_user_pool\" \"unknown_example\" {\n  name = var.unset\n}\n",
    ),
];

/// Adds `line` to the sorted list of `prefix` lines in `text`, after the last one that sorts
/// before it.
fn insert_sorted(text: &str, prefix: &str, line: &str) -> Result<String, String> {
    let mut lines: Vec<&str> = text.lines().collect();
    let positions: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(prefix))
        .map(|(i, _)| i)
        .collect();
    let Some(&last) = positions.last() else {
        return Err(format!("no `{prefix}` line to insert after"));
    };
    let at = positions
        .iter()
        .copied()
        .find(|&i| lines[i].trim() > line.trim())
        .unwrap_or(last + 1);
    lines.insert(at, line);
    Ok(lines.join("\n") + "\n")
}

pub fn run(code: &str, name: &str, area: &str) -> Result<Vec<PathBuf>, String> {
    let valid_code =
        code.len() == 6 && code.starts_with("COG") && code[3..].chars().all(|c| c.is_ascii_digit());
    if !valid_code {
        return Err(format!("`{code}` is not a code like COG123"));
    }
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!("`{name}` is not a kebab-case name"));
    }
    let Some((module, category, hundreds)) = AREAS.iter().find(|(m, _, _)| *m == area) else {
        let areas: Vec<&str> = AREAS.iter().map(|(m, _, _)| *m).collect();
        return Err(format!("`{area}` is not an area: {}", areas.join(", ")));
    };
    if code.chars().nth(3) != Some(*hundreds) {
        return Err(format!(
            "{code} does not belong to area {area} (COG{hundreds}xx)"
        ));
    }
    let taken = coglint_rules::all_rules()
        .iter()
        .map(|r| r.meta())
        .any(|m| m.code == code || m.name == name)
        || coglint_rules::retired_rules()
            .iter()
            .any(|r| r.code == code || r.name == name);
    if taken {
        return Err(format!(
            "{code} or {name} is taken (codes and names are never reused)"
        ));
    }
    let root = root();
    let snake = name.replace('-', "_");
    let rules_dir = root.join("crates/coglint_rules/src/rules").join(module);
    let file = rules_dir.join(format!("{snake}.rs"));
    let fixtures = root.join("testdata/rules").join(name);
    if file.exists() || fixtures.exists() {
        return Err(format!(
            "{} or {} already exists",
            file.display(),
            fixtures.display()
        ));
    }
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let write =
        |p: &Path, text: &str| std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()));

    let module_file = rules_dir.join("mod.rs");
    let modules = insert_sorted(
        &read(&module_file)?,
        "pub mod ",
        &format!("pub mod {snake};"),
    )?;
    let registry_file = root.join("crates/coglint_rules/src/registry.rs");
    let registry = read(&registry_file)?;
    let entry = format!("    &crate::rules::{module}::{snake}::{},", pascal(name));
    // The registry lists rules in code order: the new one goes before the first higher code.
    let mut lines: Vec<String> = registry.lines().map(str::to_string).collect();
    let codes: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let path = l.trim().strip_prefix('&')?.trim_end_matches(',');
            let rule = coglint_rules::all_rules().iter().find(|r| {
                let meta = r.meta();
                path.ends_with(&format!("::{}", pascal(meta.name)))
            })?;
            Some((i, rule.meta().code.to_string()))
        })
        .collect();
    let at = codes
        .iter()
        .find(|(_, c)| c.as_str() > code)
        .map(|(i, _)| *i)
        .or_else(|| codes.last().map(|(i, _)| i + 1))
        .ok_or("cannot find the rule list in registry.rs")?;
    lines.insert(at, entry);

    std::fs::create_dir_all(&fixtures).map_err(|e| format!("{}: {e}", fixtures.display()))?;
    write(&file, &rule_file(code, name, category))?;
    write(&module_file, &modules)?;
    write(&registry_file, &(lines.join("\n") + "\n"))?;
    let mut written = vec![file, module_file, registry_file];
    for (fixture, text) in FIXTURES {
        let path = fixtures.join(fixture);
        write(&path, text)?;
        written.push(path);
    }
    let expected = fixtures.join("expected.txt");
    write(
        &expected,
        "# file:line resource (the line of the finding's primary location)\nfail.yaml:3 FailExample\nfail.json:3 FailExample\nfail.tf:1 aws_cognito_user_pool.fail_example\n",
    )?;
    written.push(expected);
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_inserted_in_order() {
        let text = "//! x\n\npub mod a;\npub mod c;\n";
        assert_eq!(
            insert_sorted(text, "pub mod ", "pub mod b;").as_deref(),
            Ok("//! x\n\npub mod a;\npub mod b;\npub mod c;\n")
        );
        assert_eq!(
            insert_sorted(text, "pub mod ", "pub mod d;").as_deref(),
            Ok("//! x\n\npub mod a;\npub mod c;\npub mod d;\n")
        );
        assert_eq!(pascal("client-implicit-grant"), "ClientImplicitGrant");
    }

    #[test]
    fn the_template_shows_how_to_declare_an_option_with_an_example_that_compiles() {
        let file = rule_file("COG199", "fine-name", "SignIn");
        assert!(file.contains(
            "        // options: [\n        //     MAX_DAYS: Integer { key: \"max-days\""
        ));
        assert!(file.contains("`ctx.option(Self::MAX_DAYS)`"));
        assert!(file.contains("under `[rules.fine-name]`"));
        // The same lines are a declaration the rules crate compiles and tests.
        let compiled = std::fs::read_to_string(root().join("crates/coglint_rules/src/options.rs"))
            .unwrap_or_default();
        let compiled: Vec<&str> = compiled.lines().map(str::trim).collect();
        let example: Vec<&str> = OPTIONS_EXAMPLE.lines().map(str::trim).collect();
        assert!(
            compiled
                .windows(example.len())
                .any(|w| w == example.as_slice()),
            "options.rs does not declare the template's example"
        );
    }

    #[test]
    fn names_and_codes_are_checked() {
        assert!(run("COG1", "x", "user_pool").is_err());
        assert!(run("COG199", "Bad_Name", "user_pool").is_err());
        assert!(run("COG199", "fine-name", "nowhere").is_err());
        assert!(run("COG299", "fine-name", "user_pool").is_err());
        // Taken: an existing code, a retired one.
        assert!(run("COG101", "fine-name", "user_pool").is_err());
        assert!(run("COG505", "fine-name", "sign_up").is_err());
    }
}

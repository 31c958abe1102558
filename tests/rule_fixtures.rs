//! The fixture harness: for every rule, `testdata/rules/<rule-name>/` holds
//! `fail.{yaml,json,tf}`, `pass.{yaml,json,tf}`, `unknown.{yaml,json,tf}` and `expected.txt`.
//! Each file is a case of its own. A `.tf` file beside others would be read with them as one
//! module (as Terraform reads a directory), so each `.tf` case is copied alone into a directory
//! of its own and read from there: a case's expectations never depend on another case's file.
//!
//! - pass and unknown files give no finding of the rule;
//! - unknown files make the rule meet at least one value it cannot decide;
//! - in fail files the findings of the rule are exactly the lines of `expected.txt`
//!   (`fail.yaml:12 FailPool`, `fail.tf:9 aws_cognito_user_pool.fail_omitted`), and the flagged
//!   resources are exactly the `Fail*` / `fail_*` ones.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use coglint_linter::{scan, ScanOptions, ScanResult};
use coglint_rules::{all_rules, Rule};
use common::Alone;

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules")
}

fn run(rule: &'static dyn Rule, file: &Path) -> ScanResult {
    let options = ScanOptions {
        paths: vec![file.to_path_buf()],
        rules: vec![rule],
        ..ScanOptions::default()
    };
    let result = scan(&options);
    assert!(
        result.problems.is_empty(),
        "{}: unexpected problems: {:?}",
        file.display(),
        result.problems
    );
    let units = result.templates + result.terraform_modules;
    assert_eq!(
        units,
        1,
        "{} ({}) is not read as one template or module",
        file.display(),
        rule.meta().name
    );
    result
}

/// Whether a resource name marks a resource that must be flagged.
fn is_fail(resource: &str) -> bool {
    match resource.split_once('.') {
        // Terraform: `aws_cognito_user_pool.fail_omitted[0]`
        Some((_, label)) => label.starts_with("fail_"),
        None => resource.starts_with("Fail"),
    }
}

fn file_name(result: &ScanResult, span: coglint_source::Span) -> String {
    result
        .sources
        .get(span.file)
        .and_then(|s| s.path().file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `(file name, line, resource)` of each finding, and of each instance merged into it (the
/// `count` and `for_each` instances of a fixture fail at one place: one finding names them all).
fn located(result: &ScanResult) -> BTreeSet<(String, u32, String)> {
    result
        .findings
        .iter()
        .flat_map(|f| {
            let Some(source) = result.sources.get(f.primary.span.file) else {
                panic!("finding in an unknown file")
            };
            let name = source
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let line = source.line_col(f.primary.span.range.start).line;
            std::iter::once(&f.resource)
                .chain(f.instances.iter().map(|i| &i.resource))
                .map(move |resource| (name.clone(), line, resource.clone()))
        })
        .collect()
}

fn expected(dir: &Path) -> BTreeSet<(String, u32, String)> {
    let path = dir.join("expected.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let parsed = line.split_once(' ').and_then(|(loc, resource)| {
                let (file, n) = loc.rsplit_once(':')?;
                Some((
                    file.to_string(),
                    n.parse().ok()?,
                    resource.trim().to_string(),
                ))
            });
            parsed.unwrap_or_else(|| panic!("{}: bad line `{line}`", path.display()))
        })
        .collect()
}

#[test]
fn every_rule_has_fixtures_that_hold() {
    let mut failures = Vec::new();
    // `FIXTURE_RULE=mfa-off cargo test --test rule_fixtures` checks one rule while writing fixtures.
    let only = std::env::var("FIXTURE_RULE").ok();
    for rule in all_rules() {
        let meta = rule.meta();
        if only
            .as_deref()
            .is_some_and(|o| o != meta.name && o != meta.code)
        {
            continue;
        }
        let dir = rules_dir().join(meta.name);
        let want = expected(&dir);
        let mut got = BTreeSet::new();
        let mut check = |file: &str, result: &ScanResult| {
            let found: BTreeSet<_> = located(result)
                .into_iter()
                .filter(|(f, _, _)| f == file)
                .collect();
            let unknowns = result
                .unknowns
                .iter()
                .filter(|u| u.rule == meta.code && file_name(result, u.at) == file)
                .count();
            if file.starts_with("fail.") {
                for (_, _, resource) in &found {
                    if !is_fail(resource) {
                        failures.push(format!(
                            "{}: {file} flags `{resource}`, not a fail resource",
                            meta.code
                        ));
                    }
                }
                got.extend(found);
            } else if !found.is_empty() {
                failures.push(format!("{}: {file} is flagged: {found:?}", meta.code));
            }
            if file.starts_with("unknown.") && unknowns == 0 {
                failures.push(format!(
                    "{}: {file} has no value the rule cannot decide",
                    meta.code
                ));
            }
        };
        for ext in ["yaml", "json"] {
            for kind in ["fail", "pass", "unknown"] {
                let file = format!("{kind}.{ext}");
                check(&file, &run(*rule, &dir.join(&file)));
            }
        }
        let mut dangling_cases = Vec::new();
        let mut declared: Vec<(String, BTreeSet<String>)> = Vec::new();
        for kind in ["fail", "pass", "unknown"] {
            let file = format!("{kind}.tf");
            let case = Alone::new(&dir.join(&file));
            check(&file, &run(*rule, &case.path));
            // Read alone, a reference to another case's file would be undecided and the case
            // could hold for the wrong reason (a client whose pool is missing is never checked).
            let text = std::fs::read_to_string(&case.path).unwrap_or_default();
            let dangling = undeclared_references(&text);
            if !dangling.is_empty() {
                dangling_cases.push(format!(
                    "{}: {file} refers to what it does not declare: {dangling:?}",
                    meta.code
                ));
            }
            // The directory stays one valid module (other tests and readers scan it whole):
            // no two cases declare the same name.
            let mine = declarations(&text);
            for (other, theirs) in &declared {
                let both: Vec<_> = mine.intersection(theirs).collect();
                if !both.is_empty() {
                    dangling_cases.push(format!(
                        "{}: {other} and {file} both declare {both:?}",
                        meta.code
                    ));
                }
            }
            declared.push((file, mine));
        }
        failures.extend(dangling_cases);
        if got != want {
            failures.push(format!(
                "{}: findings differ from expected.txt\n  missing: {:?}\n  unexpected: {:?}",
                meta.code,
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>()
            ));
        }
        // Every fail resource of each fail file is flagged at least once.
        for ext in ["yaml", "json", "tf"] {
            let file = format!("fail.{ext}");
            let text = std::fs::read_to_string(dir.join(&file)).unwrap_or_default();
            for name in fail_resources(&text) {
                if !want.iter().any(|(f, _, r)| {
                    *f == file && (*r == name || r.starts_with(&format!("{name}[")))
                }) {
                    failures.push(format!(
                        "{}: {file} declares `{name}` but expects no finding on it",
                        meta.code
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The resources a fixture declares as failing: CloudFormation logical IDs starting with
/// `Fail`, Terraform `resource "type" "fail_..."` blocks (as `type.fail_...`).
fn fail_resources(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            let t = l.trim();
            if let Some(rest) = t.strip_prefix("resource ") {
                let labels: Vec<&str> = rest
                    .split('"')
                    .filter(|p| !p.trim().is_empty() && p.trim() != "{")
                    .collect();
                return match labels.as_slice() {
                    [kind, name, ..] if name.starts_with("fail_") => Some(format!("{kind}.{name}")),
                    _ => None,
                };
            }
            let t = t.trim_start_matches('"');
            let name: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let rest = &t[name.len()..];
            (name.starts_with("Fail") && (rest.starts_with(':') || rest.starts_with("\":")))
                .then_some(name)
        })
        .collect()
}

/// A case that leans on another case's file: `fail.tf` uses a variable that only `pass.tf`
/// declares. Read with its neighbours (as a directory is) it would be flagged; read as the
/// harness reads it, it is not, and the harness names the reference it does not declare.
#[test]
fn a_tf_case_does_not_see_the_files_beside_it() {
    let dir = common::tempdir();
    common::write(
        dir.path(),
        "fail.tf",
        "resource \"aws_cognito_user_pool\" \"fail_short\" {\n  password_policy {\n    minimum_length = var.short\n  }\n}\n",
    );
    common::write(
        dir.path(),
        "pass.tf",
        "variable \"short\" {\n  default = 8\n}\n",
    );
    let Some(rule) = coglint_rules::find_rule("password-too-short") else {
        panic!("no rule password-too-short")
    };
    let together = run(rule, &dir.path().join("fail.tf"));
    assert_eq!(
        located(&together),
        BTreeSet::from([(
            "fail.tf".to_string(),
            3,
            "aws_cognito_user_pool.fail_short".to_string()
        )])
    );
    let case = Alone::new(&dir.path().join("fail.tf"));
    assert_eq!(case.dir().read_dir().map(Iterator::count).ok(), Some(1));
    let alone = run(rule, &case.path);
    assert!(alone.findings.is_empty(), "{:?}", alone.findings);
    assert_eq!(alone.unknowns.len(), 1, "{:?}", alone.unknowns);
    let text = std::fs::read_to_string(&case.path).unwrap_or_default();
    assert_eq!(undeclared_references(&text), vec!["var.short".to_string()]);
}

#[test]
fn undeclared_references_skip_comments_strings_and_what_the_file_declares() {
    let text = r#"# aws_cognito_user_pool.in_a_comment and var.in_a_comment
variable "declared" {}
locals {
  mine = { nested = 1 }
}
resource "aws_cognito_user_pool" "main" {
  name = "aws_cognito_user_pool.in_a_string var.in_a_string"
  tags = { a = "${var.declared}-${local.mine.nested}", b = "${var.missing}" }
  alias_attributes = local.other
}
resource "aws_cognito_user_pool_client" "web" {
  user_pool_id = aws_cognito_user_pool.main.id // aws_cognito_user_pool.commented
  condition {
    variable = "missing"
  }
  callback_urls = [module.site.url, data.aws_region.current.name, aws_iam_role.elsewhere.arn]
}
"#;
    assert_eq!(
        undeclared_references(text),
        vec![
            "aws_iam_role.elsewhere",
            "data.aws_region.current",
            "local.other",
            "module.site",
            "var.missing"
        ]
    );
}

/// What a Terraform file declares, as it is referred to: `var.x`, `local.x`, `module.x`,
/// `data.t.x`, `t.x`.
fn declarations(text: &str) -> BTreeSet<String> {
    let mut declared = BTreeSet::new();
    let mut locals_depth: Option<usize> = None;
    let mut depth = 0usize;
    for line in code_outside_strings(text).lines().zip(text.lines()) {
        let (code, t) = (line.0.trim(), line.1.trim());
        // A block header (`variable "x" {`), not an attribute (`variable = "..."`).
        let labels: Vec<&str> = t.split('"').skip(1).step_by(2).collect();
        let mut words = t.split_whitespace();
        let head = words.next().unwrap_or("");
        let labels = match words.next() {
            Some(w) if w.starts_with('"') => labels.as_slice(),
            _ => &[],
        };
        match (head, labels) {
            ("resource", [kind, name, ..]) => {
                declared.insert(format!("{kind}.{name}"));
            }
            ("data", [kind, name, ..]) => {
                declared.insert(format!("data.{kind}.{name}"));
            }
            ("variable", [name, ..]) => {
                declared.insert(format!("var.{name}"));
            }
            ("module", [name, ..]) => {
                declared.insert(format!("module.{name}"));
            }
            ("locals", _) => locals_depth = Some(depth + 1),
            _ => {
                if locals_depth == Some(depth) {
                    if let Some((key, _)) = t.split_once('=') {
                        declared.insert(format!("local.{}", key.trim()));
                    }
                }
            }
        }
        depth += code.matches(['{', '[', '(']).count();
        depth = depth.saturating_sub(code.matches(['}', ']', ')']).count());
        if locals_depth.is_some_and(|d| depth < d) {
            locals_depth = None;
        }
    }
    declared
}

/// The references of a Terraform file (`var.x`, `local.x`, `module.x`, `data.t.x`, `aws_t.x`)
/// to what the file itself does not declare. Comments and quoted text outside `${...}` are
/// skipped; it is a fixture check, not an evaluator.
fn undeclared_references(text: &str) -> Vec<String> {
    let code = code_outside_strings(text);
    let declared = declarations(text);
    let mut dangling = BTreeSet::new();
    let words = code.split(|c: char| !(c.is_ascii_alphanumeric() || "_-.".contains(c)));
    for word in words {
        let parts: Vec<&str> = word.split('.').collect();
        let reference = match parts.as_slice() {
            ["var" | "local" | "module", name, ..] => format!("{}.{name}", parts[0]),
            ["data", kind, name, ..] => format!("data.{kind}.{name}"),
            [kind, name, ..] if kind.starts_with("aws_") => format!("{kind}.{name}"),
            _ => continue,
        };
        if !declared.contains(&reference) {
            dangling.insert(reference);
        }
    }
    dangling.into_iter().collect()
}

/// `text` without comments and without the literal parts of quoted strings (interpolations
/// `${...}` are kept: they are code).
fn code_outside_strings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut interpolation = 0usize;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_string && interpolation == 0 {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    '$' if chars.peek() == Some(&'{') => {
                        chars.next();
                        interpolation = 1;
                        out.push(' ');
                    }
                    _ => {}
                }
                continue;
            }
            match c {
                '#' if !in_string => break,
                '/' if !in_string && chars.peek() == Some(&'/') => break,
                '"' if !in_string => in_string = true,
                '{' if interpolation > 0 => interpolation += 1,
                '}' if interpolation > 0 => {
                    interpolation -= 1;
                    out.push(' ');
                    continue;
                }
                _ => {}
            }
            out.push(if c == '"' { ' ' } else { c });
        }
        out.push('\n');
    }
    out
}

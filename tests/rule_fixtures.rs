//! The fixture harness: for every rule, `testdata/rules/<rule-name>/` holds
//! `fail.{yaml,json,tf}`, `pass.{yaml,json,tf}`, `unknown.{yaml,json,tf}` and `expected.txt`.
//! The three `.tf` files form one Terraform module (as a directory does), so they are checked
//! in one run and their findings told apart by file.
//!
//! - pass and unknown files give no finding of the rule;
//! - unknown files make the rule meet at least one value it cannot decide;
//! - in fail files the findings of the rule are exactly the lines of `expected.txt`
//!   (`fail.yaml:12 FailPool`, `fail.tf:9 aws_cognito_user_pool.fail_omitted`), and the flagged
//!   resources are exactly the `Fail*` / `fail_*` ones.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use coglint_linter::{scan, ScanOptions, ScanResult};
use coglint_rules::{all_rules, Rule};

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
        "{} is not read as one template or module",
        file.display()
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
        // The .tf files are one module: one run, findings sorted out by file.
        let module = run(*rule, &dir.join("fail.tf"));
        for kind in ["fail", "pass", "unknown"] {
            check(&format!("{kind}.tf"), &module);
        }
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

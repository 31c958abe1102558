//! The fixture harness: for every rule, `testdata/rules/<rule-name>/` holds
//! `fail.{yaml,json}`, `pass.{yaml,json}`, `unknown.{yaml,json}` and `expected.txt`.
//!
//! - pass and unknown files give no finding of the rule;
//! - unknown files make the rule meet at least one value it cannot decide;
//! - in fail files the findings of the rule are exactly the lines of `expected.txt`
//!   (`fail.yaml:12 FailPool`), and the flagged resources are exactly the `Fail*` ones.

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
    assert_eq!(
        result.templates,
        1,
        "{} is not read as a template",
        file.display()
    );
    result
}

/// `(file name, line, resource)` of each finding.
fn located(result: &ScanResult) -> BTreeSet<(String, u32, String)> {
    result
        .findings
        .iter()
        .map(|f| {
            let Some(source) = result.sources.get(f.primary.span.file) else {
                panic!("finding in an unknown file")
            };
            let name = source
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                name,
                source.line_col(f.primary.span.range.start).line,
                f.resource.clone(),
            )
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
        for ext in ["yaml", "json"] {
            let fail = dir.join(format!("fail.{ext}"));
            let found = located(&run(*rule, &fail));
            for (_, _, resource) in &found {
                if !resource.starts_with("Fail") {
                    failures.push(format!(
                        "{}: fail.{ext} flags `{resource}`, not a Fail* resource",
                        meta.code
                    ));
                }
            }
            got.extend(found);

            let pass = dir.join(format!("pass.{ext}"));
            let result = run(*rule, &pass);
            if !result.findings.is_empty() {
                failures.push(format!(
                    "{}: pass.{ext} is flagged: {:?}",
                    meta.code,
                    located(&result)
                ));
            }

            let unknown = dir.join(format!("unknown.{ext}"));
            let result = run(*rule, &unknown);
            if !result.findings.is_empty() {
                failures.push(format!(
                    "{}: unknown.{ext} is flagged: {:?}",
                    meta.code,
                    located(&result)
                ));
            }
            if !result.unknowns.iter().any(|u| u.rule == meta.code) {
                failures.push(format!(
                    "{}: unknown.{ext} has no value the rule cannot decide",
                    meta.code
                ));
            }
        }
        if got != want {
            failures.push(format!(
                "{}: findings differ from expected.txt\n  missing: {:?}\n  unexpected: {:?}",
                meta.code,
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>()
            ));
        }
        // Every Fail* resource of each fail file is flagged at least once.
        for ext in ["yaml", "json"] {
            let text = std::fs::read_to_string(dir.join(format!("fail.{ext}"))).unwrap_or_default();
            for name in fail_resources(&text) {
                if !want
                    .iter()
                    .any(|(f, _, r)| f == &format!("fail.{ext}") && r == &name)
                {
                    failures.push(format!(
                        "{}: fail.{ext} declares `{name}` but expects no finding on it",
                        meta.code
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The logical IDs starting with `Fail` declared in a fixture.
fn fail_resources(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            let t = l.trim().trim_start_matches('"');
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

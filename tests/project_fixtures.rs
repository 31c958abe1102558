//! Project fixtures: each directory under `testdata/projects/` is a small project laid out as
//! real ones are (a Serverless service with includes, an Amplify backend, a committed cdk.out,
//! a SAM app with samconfig.toml, ...). Its `expected.txt` lists every finding and problem the
//! scan of that directory must give, and nothing else:
//!
//! ```text
//! # rules: COG101 COG402           (optional: run only these rules; default: the whole catalogue)
//! # config-env: prod               (optional: the samconfig environment, as --config-env)
//! COG101 serverless.yml:12 CognitoUserPool <- custom.yml:3
//! problem stray-template cdk.out/Old.template.json:1
//! unknown COG402 serverless.yml:30
//! ```
//!
//! A finding line is `CODE path:line resource`, followed by ` <- path:line` for each related
//! location (a parameter's value, a `custom` entry). `problem KIND path[:line]` is a problem of
//! the input. `unknown CODE path:line` must be among the values the scan could not decide
//! (the others are not listed). `unfollowed MODULE path:line` is a Terraform module call that is
//! not followed (compared exactly, like findings). Paths are relative to the fixture directory.
//! A `coglint.toml` in the fixture directory gives its `[[parameters]]` mappings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use coglint_linter::{scan, ScanOptions, ScanResult};
use coglint_source::Span;

mod common;

fn place(result: &ScanResult, dir: &Path, span: Span) -> String {
    match result.sources.get(span.file) {
        Some(source) => {
            let path = source.path();
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let shown = canonical
                .strip_prefix(dir)
                .or_else(|_| path.strip_prefix(dir))
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            format!("{shown}:{}", source.line_col(span.range.start).line)
        }
        None => "?".to_string(),
    }
}

struct Expected {
    rules: Option<Vec<String>>,
    config_env: Option<String>,
    findings: Vec<String>,
    problems: Vec<String>,
    unknowns: BTreeSet<String>,
    unfollowed: Vec<String>,
}

fn read_expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut expected = Expected {
        rules: None,
        config_env: None,
        findings: Vec::new(),
        problems: Vec::new(),
        unknowns: BTreeSet::new(),
        unfollowed: Vec::new(),
    };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rules) = line.strip_prefix("# rules:") {
            expected.rules = Some(rules.split_whitespace().map(str::to_string).collect());
        } else if let Some(env) = line.strip_prefix("# config-env:") {
            expected.config_env = Some(env.trim().to_string());
        } else if line.starts_with('#') {
            continue;
        } else if let Some(rest) = line.strip_prefix("problem ") {
            expected.problems.push(rest.to_string());
        } else if let Some(rest) = line.strip_prefix("unknown ") {
            expected.unknowns.insert(rest.to_string());
        } else if let Some(rest) = line.strip_prefix("unfollowed ") {
            expected.unfollowed.push(rest.to_string());
        } else {
            expected.findings.push(line.to_string());
        }
    }
    expected
}

fn check_case(dir: &Path) -> Result<(), String> {
    let expected = read_expected(&dir.join("expected.txt"));
    let rules = match &expected.rules {
        Some(codes) => codes
            .iter()
            .map(|c| coglint_rules::find_rule(c).unwrap_or_else(|| panic!("no rule {c}")))
            .collect(),
        None => coglint_rules::all_rules().to_vec(),
    };
    let config = dir.join("coglint.toml");
    let parameter_files = if config.is_file() {
        coglint_linter::config::load(&config)
            .map_err(|e| e.to_string())?
            .parameters
    } else {
        Vec::new()
    };
    let result = scan(&ScanOptions {
        paths: vec![dir.to_path_buf()],
        rules,
        parameter_files,
        config_env: expected.config_env.clone(),
        ..ScanOptions::default()
    });
    let mut findings: Vec<String> = result
        .findings
        .iter()
        .map(|f| {
            let mut line = format!(
                "{} {} {}",
                f.rule.code,
                place(&result, dir, f.primary.span),
                f.resource
            );
            for related in &f.secondary {
                line.push_str(&format!(" <- {}", place(&result, dir, related.span)));
            }
            line
        })
        .collect();
    let mut problems: Vec<String> = result
        .problems
        .iter()
        .map(|p| match p.span {
            Some(span) => format!("{} {}", p.kind.id(), place(&result, dir, span)),
            None => {
                let canonical = std::fs::canonicalize(&p.path).unwrap_or_else(|_| p.path.clone());
                let shown = canonical
                    .strip_prefix(dir)
                    .unwrap_or(&p.path)
                    .to_string_lossy()
                    .replace('\\', "/");
                format!("{} {shown}", p.kind.id())
            }
        })
        .collect();
    let unknowns: BTreeSet<String> = result
        .unknowns
        .iter()
        .map(|u| format!("{} {}", u.rule, place(&result, dir, u.at)))
        .collect();
    let unfollowed: Vec<String> = result
        .unfollowed_modules
        .iter()
        .map(|m| format!("{} {}", m.name, place(&result, dir, m.at)))
        .collect();
    let mut errors = Vec::new();
    findings.sort();
    problems.sort();
    // Compared as multisets: a finding reported twice is a defect the harness must see.
    fn diff(kind: &str, got: &[String], want: &[String], errors: &mut Vec<String>) {
        let mut left: Vec<&String> = want.iter().collect();
        for g in got {
            match left.iter().position(|w| *w == g) {
                Some(i) => {
                    left.remove(i);
                }
                None => errors.push(format!("  unexpected {kind}: {g}")),
            }
        }
        for missing in left {
            errors.push(format!("  missing {kind}: {missing}"));
        }
    }
    diff("finding", &findings, &expected.findings, &mut errors);
    diff("problem", &problems, &expected.problems, &mut errors);
    diff(
        "unfollowed module",
        &unfollowed,
        &expected.unfollowed,
        &mut errors,
    );
    for missing in expected.unknowns.difference(&unknowns) {
        errors.push(format!(
            "  missing unknown: {missing} (unknowns: {unknowns:?})"
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n{}", dir.display(), errors.join("\n")))
    }
}

fn cases() -> Vec<PathBuf> {
    let root = common::root().join("testdata/projects");
    let mut cases = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        if dir.join("expected.txt").is_file() {
            cases.push(dir);
            continue;
        }
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                if entry.path().is_dir() {
                    stack.push(entry.path());
                }
            }
        }
    }
    cases.sort();
    cases
}

#[test]
fn every_project_fixture_gives_exactly_its_expected_findings() {
    let cases = cases();
    assert!(!cases.is_empty(), "no project fixtures found");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|dir| {
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
            check_case(&dir).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} project fixtures differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

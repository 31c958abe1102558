//! Fix fixtures: each directory under testdata/fixes holds a project `before/` and the same
//! project `after/` its fixes are applied; a file `unsafe` beside them turns unsafe fixes on.
//! The test copies `before/` away, fixes it as `coglint check --fix` does, compares every file
//! with `after/` byte for byte, and scans the result again: no rule whose fix was applied fires
//! on the same resource, no syntax problem appears, and a second run has nothing left to fix.
//!
//! `COGLINT_BLESS=1 cargo test --test fixes` writes `after/` from the run (read it before
//! committing).

use std::path::{Path, PathBuf};

use coglint_linter::fix::fix_files;
use coglint_linter::{ProblemKind, ScanOptions};

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for rel in files_under(from) {
        let target = to.join(&rel);
        if let Some(parent) = target.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                panic!("{e}");
            }
        }
        if let Err(e) = std::fs::copy(from.join(&rel), &target) {
            panic!("{e}");
        }
    }
}

fn options(dir: &Path) -> ScanOptions {
    ScanOptions {
        paths: vec![dir.to_path_buf()],
        rules: coglint_rules::all_rules().to_vec(),
        ..ScanOptions::default()
    }
}

fn run_case(case: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let name = case.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = name.unwrap_or_default();
    let unsafe_fixes = case.join("unsafe").exists();
    let temp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let work = temp.path().join("project");
    copy_tree(&case.join("before"), &work);
    let run = match fix_files(&options(&work), unsafe_fixes) {
        Ok(run) => run,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    if run.fixed == 0 {
        failures.push(format!("{name}: nothing was fixed"));
    }
    let expected = std::fs::read_to_string(case.join("rules")).unwrap_or_default();
    for code in expected.split_whitespace() {
        if !run.fixed_findings.iter().any(|(c, _)| *c == code) {
            failures.push(format!(
                "{name}: no {code} finding was fixed (fixed: {:?})",
                run.fixed_findings
            ));
        }
    }
    let after = case.join("after");
    if std::env::var_os("COGLINT_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&after);
        copy_tree(&work, &after);
    }
    let got = files_under(&work);
    let want = files_under(&after);
    if got != want {
        failures.push(format!("{name}: files {got:?}, expected {want:?}"));
    }
    for rel in &want {
        let (Ok(got), Ok(want)) = (
            std::fs::read(work.join(rel)),
            std::fs::read(after.join(rel)),
        ) else {
            failures.push(format!("{name}: cannot read {}", rel.display()));
            continue;
        };
        if got != want {
            failures.push(format!(
                "{name}: {} differs from after/:\n{}",
                rel.display(),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    // The fixed result, scanned again.
    let remaining = &run.result;
    for problem in &remaining.problems {
        if problem.kind == ProblemKind::Syntax || problem.kind == ProblemKind::DuplicateKey {
            failures.push(format!(
                "{name}: the fixed files have a problem: {problem:?}"
            ));
        }
    }
    for (code, resource) in &run.fixed_findings {
        if remaining
            .findings
            .iter()
            .any(|f| f.rule.code == *code && &f.resource == resource)
        {
            failures.push(format!(
                "{name}: {code} still fires on `{resource}` after its fix"
            ));
        }
    }
    // Nothing left to do: a second run changes nothing.
    match fix_files(&options(&work), unsafe_fixes) {
        Ok(again) if again.fixed == 0 && again.written.is_empty() => {}
        Ok(again) => failures.push(format!(
            "{name}: a second run fixed {} more ({:?})",
            again.fixed, again.fixed_findings
        )),
        Err(e) => failures.push(format!("{name}: {e}")),
    }
    failures
}

#[test]
fn fixes_rewrite_only_what_they_fix_and_the_findings_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixes");
    let Ok(entries) = std::fs::read_dir(&root) else {
        panic!("no {}", root.display());
    };
    let mut cases: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("before").is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let failures: Vec<String> = cases.iter().flat_map(|c| run_case(c)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every rule that declares an automatic fix has a fixture that applies it.
#[test]
fn every_fixable_rule_has_a_fix_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixes");
    let mut missing = Vec::new();
    for rule in coglint_rules::all_rules() {
        let meta = rule.meta();
        if meta.autofix.is_none() {
            continue;
        }
        let covered = std::fs::read_dir(&root)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                std::fs::read_to_string(e.path().join("rules"))
                    .is_ok_and(|t| t.split_whitespace().any(|c| c == meta.code))
            });
        if !covered {
            missing.push(meta.code);
        }
    }
    assert!(
        missing.is_empty(),
        "no fix fixture lists {missing:?} in its `rules` file"
    );
}

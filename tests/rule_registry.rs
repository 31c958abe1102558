//! Rules cannot be half-added: a rule file that the registry does not list, or a fixture
//! directory that names no rule, fails here (`cargo xtask new-rule` does all three at once).

use std::path::{Path, PathBuf};

use coglint_rules::{all_rules, retired_rules};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The codes a rule file declares (`code: "COG123",` in its `declare_rule!`).
fn declared_codes(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("code: \""))
        .filter_map(|l| l.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_rule_file_is_registered() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/coglint_rules/src/rules"), &mut files);
    files.sort();
    assert!(files.len() > 40, "rule files not found: {files:?}");
    let registered: Vec<&str> = all_rules().iter().map(|r| r.meta().code).collect();
    let mut missing = Vec::new();
    let mut declared = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for code in declared_codes(&text) {
            declared += 1;
            if !registered.contains(&code.as_str()) {
                missing.push(format!("{code} in {}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "rules declared but not in the registry (crates/coglint_rules/src/registry.rs): {missing:?}"
    );
    assert_eq!(
        declared,
        registered.len(),
        "a rule is registered twice or declared oddly"
    );
}

#[test]
fn every_fixture_directory_names_a_rule() {
    let dir = root().join("testdata/rules");
    let names: Vec<&str> = all_rules().iter().map(|r| r.meta().name).collect();
    let mut strays = Vec::new();
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if !entry.path().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if names.contains(&name.as_str()) {
            seen.push(name);
        } else {
            let retired = retired_rules().iter().any(|r| r.name == name);
            strays.push(format!(
                "{name}{}",
                if retired { " (a retired rule)" } else { "" }
            ));
        }
    }
    assert!(
        strays.is_empty(),
        "testdata/rules/ directories that name no rule: {strays:?}"
    );
    seen.sort();
    assert_eq!(seen.len(), names.len(), "a rule has no fixture directory");
}

//! Inputs that fuzzing found to crash or hang coglint (`fuzz/regressions/<target>/`), scanned
//! end to end: each must end with a report and exit code 0, 1 or 2, never a panic (101) or a
//! signal. See docs/robustness.md. Also, that the fuzz crate (outside the workspace) builds
//! with the versions that ship.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{coglint, root, tempdir};

/// The file name a fuzz target's input is scanned under.
fn name_for(target: &str, data: &[u8]) -> &'static str {
    match target {
        "yaml" => "template.yaml",
        "json" => "template.json",
        "hcl" => "main.tf",
        // The pipeline target's first byte picks the name (fuzz/common.rs).
        _ => match data.first().map(|b| b % 5) {
            Some(0) => "template.yaml",
            Some(1) => "template.json",
            Some(2) => "main.tf",
            Some(3) => "main.tf.json",
            _ => "terraform.tfvars",
        },
    }
}

#[test]
fn every_input_that_once_failed_is_scanned_to_the_end() {
    let regressions = root().join("fuzz/regressions");
    let mut checked = 0;
    for target in ["yaml", "json", "hcl", "pipeline"] {
        let Ok(entries) = std::fs::read_dir(regressions.join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let data = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{e}"));
            let content = if target == "pipeline" {
                data.get(1..).unwrap_or_default()
            } else {
                &data[..]
            };
            let dir = tempdir();
            std::fs::write(dir.path().join(name_for(target, &data)), content)
                .unwrap_or_else(|e| panic!("{e}"));
            let out = coglint(dir.path(), &["check", "--format", "concise", "."]);
            assert!(
                matches!(out.status.code(), Some(0..=2)),
                "{}: {:?}\n{}",
                entry.path().display(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            checked += 1;
        }
    }
    assert!(
        checked > 0,
        "no regression inputs in {}",
        regressions.display()
    );
}

/// Registry packages and their versions in a Cargo.lock.
fn locked_versions(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let mut versions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for package in text.split("[[package]]").skip(1) {
        let field = |key: &str| {
            package.lines().find_map(|l| {
                l.strip_prefix(key)
                    .and_then(|rest| rest.strip_prefix(" = \""))
                    .and_then(|rest| rest.strip_suffix('"'))
            })
        };
        if let (Some(name), Some(version), Some(_)) =
            (field("name"), field("version"), field("source"))
        {
            versions
                .entry(name.to_string())
                .or_default()
                .insert(version.to_string());
        }
    }
    versions
}

/// The fuzz crate has its own Cargo.lock: what it fuzzes must be the parsers that ship. When
/// this fails, take the main lock's versions: `cp Cargo.lock fuzz/Cargo.lock` and
/// `cargo check --manifest-path fuzz/Cargo.toml` (which adds what only the fuzz crate uses).
#[test]
fn the_fuzz_crate_locks_the_versions_that_ship() {
    let shipped = locked_versions(&root().join("Cargo.lock"));
    let fuzzed = locked_versions(&root().join("fuzz/Cargo.lock"));
    let differ: Vec<String> = fuzzed
        .iter()
        .filter_map(|(name, versions)| {
            let ours = shipped.get(name)?;
            (!versions.is_subset(ours)).then(|| format!("{name}: {versions:?} (ships {ours:?})"))
        })
        .collect();
    assert!(
        differ.is_empty(),
        "fuzz/Cargo.lock differs from Cargo.lock:\n{}",
        differ.join("\n")
    );
    assert!(fuzzed.contains_key("granit-parser"), "{fuzzed:?}");
}

//! The ways coglint is installed name one version: the Cargo package's. A release bumps it in
//! Cargo.toml, and these tests list every other place that must follow (the pre-commit
//! placeholder package, the README's install lines, the pins of the workspace's own crates).

use std::path::Path;
use std::process::Command;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The versions written after each `marker` in `text`: digits, dots and a pre-release suffix.
fn versions_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    text.match_indices(marker)
        .map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(rest.len());
            rest[..end].trim_end_matches('.')
        })
        .collect()
}

#[test]
fn version_flag_prints_the_package_version() {
    let output = Command::new(env!("CARGO_BIN_EXE_coglint"))
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("coglint {VERSION}")
    );
}

#[test]
fn pre_commit_placeholder_requires_the_wheel_of_this_version() {
    let pyproject = read("pyproject.toml");
    assert_eq!(versions_after(&pyproject, "\nversion = \""), [VERSION]);
    assert_eq!(versions_after(&pyproject, "\"coglint=="), [VERSION]);
}

#[test]
fn readme_install_lines_name_this_version() {
    let readme = read("README.md");
    let markers = [
        "prints `coglint ",
        "releases/download/v",
        "coglint.git#v",
        "rev: v",
        "coglint/coglint@v",
    ];
    for marker in markers {
        let found = versions_after(&readme, marker);
        assert!(!found.is_empty(), "the README has no `{marker}`");
        for version in found {
            assert_eq!(version, VERSION, "README: `{marker}{version}`");
        }
    }
}

/// crates.io needs a version on each path dependency; `=` keeps the crates of one release together.
#[test]
fn workspace_crates_are_pinned_at_this_version() {
    let manifest = read("Cargo.toml");
    let crates: Vec<&str> = manifest
        .lines()
        .filter(|line| line.contains("path = \"crates/"))
        .collect();
    assert!(!crates.is_empty());
    for line in crates {
        assert!(
            line.contains(&format!("version = \"={VERSION}\"")),
            "Cargo.toml: `{line}` is not pinned at ={VERSION}"
        );
    }
}

#[test]
fn both_pre_commit_hooks_are_declared() {
    let hooks = read(".pre-commit-hooks.yaml");
    for (id, language) in [("coglint-wheel", "python"), ("coglint", "rust")] {
        let start = hooks
            .find(&format!("- id: {id}\n"))
            .unwrap_or_else(|| panic!("no hook `{id}`"));
        let hook = &hooks[start + 2..];
        let hook = &hook[..hook.find("\n- id:").unwrap_or(hook.len())];
        assert!(
            hook.contains(&format!("\n  language: {language}\n")),
            "hook `{id}` is not language {language}"
        );
    }
}

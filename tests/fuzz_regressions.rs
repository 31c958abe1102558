//! Inputs that fuzzing found to crash or hang coglint (`fuzz/regressions/<target>/`), scanned
//! end to end: each must end, within a generous time, with a report and exit code 0, 1 or 2,
//! never a panic (101) or a signal. See docs/robustness.md. Also, that the fuzz crate (outside the workspace) builds
//! with the versions that ship.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::{root, tempdir};

/// Far beyond what any of these inputs takes (well under a second each): reached, it is a hang.
const TIME_GUARD: Duration = Duration::from_secs(120);

/// How the `pipeline` target makes a project of its input, shared with the fuzz crate.
#[path = "../fuzz/layout.rs"]
mod layout;

/// Writes the project a fuzz target's input stands for into `dir`.
fn write_input(target: &str, data: &[u8], dir: &Path) {
    let name = match target {
        "yaml" => "template.yaml",
        "json" => "template.json",
        "hcl" => "main.tf",
        _ => {
            if let Err(e) = layout::write(dir, data) {
                panic!("{}: {e}", dir.display());
            }
            return;
        }
    };
    std::fs::write(dir.join(name), data).unwrap_or_else(|e| panic!("{e}"));
}

/// Runs coglint in `dir` as `common::coglint` does, but stops it at [`TIME_GUARD`]: its exit
/// status (None when it had to be stopped) and what it wrote on stderr. Standard output is
/// not kept, so that a large report cannot block the child on a full pipe.
fn coglint_guarded(dir: &Path, args: &[&str]) -> (Option<ExitStatus>, String) {
    let err_dir = tempdir();
    let err_path = err_dir.path().join("stderr");
    let err_file = std::fs::File::create(&err_path).unwrap_or_else(|e| panic!("{e}"));
    let child = Command::new(env!("CARGO_BIN_EXE_coglint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("COLUMNS", "100")
        .env("COGLINT_TODAY", "2026-11-22")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err_file)
        .spawn();
    let mut child = child.unwrap_or_else(|e| panic!("cannot run coglint: {e}"));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < TIME_GUARD => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let stderr = std::fs::read(&err_path).unwrap_or_default();
    (status, String::from_utf8_lossy(&stderr).into_owned())
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
            let dir = tempdir();
            write_input(target, &data, dir.path());
            // As the fuzz targets render it: every format, with what is unknown.
            for format in ["human", "concise", "json", "sarif", "github"] {
                let args = ["check", "--show-unknown", "--format", format, "."];
                let (status, stderr) = coglint_guarded(dir.path(), &args);
                assert!(
                    matches!(status.map(|s| s.code()), Some(Some(0..=2))),
                    "{} ({format}): {}\n{stderr}",
                    entry.path().display(),
                    status.map_or(format!("still running after {TIME_GUARD:?}"), |s| {
                        format!("{s:?}")
                    }),
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked > 0,
        "no regression inputs in {}",
        regressions.display()
    );
}

#[test]
fn pipeline_inputs_are_split_into_the_files_of_their_layout() {
    let serverless = layout::LAYOUTS
        .iter()
        .position(|l| l.name == "serverless")
        .and_then(|i| u8::try_from(i).ok());
    let Some(pick) = serverless else {
        panic!("no serverless layout")
    };
    let mut data = vec![pick];
    data.extend_from_slice(b"service: a\0Type: x\0mfa: ON\0\0more");
    let Some((chosen, files)) = layout::files(&data) else {
        panic!("no layout")
    };
    assert_eq!(chosen.name, "serverless");
    assert_eq!(
        files,
        vec![
            ("serverless.yml", &b"service: a"[..]),
            ("resources/cognito.yml", &b"Type: x"[..]),
            // The last file takes the rest, NUL bytes included.
            ("config/dev.yml", &b"mfa: ON\0\0more"[..]),
        ]
    );
    // A variables file comes with a module to apply to; a missing part is no file.
    let tfvars = layout::LAYOUTS
        .iter()
        .position(|l| l.name == "terraform.tfvars")
        .and_then(|i| u8::try_from(i).ok());
    let Some(pick) = tfvars else {
        panic!("no tfvars layout")
    };
    let data = [pick];
    let Some((_, files)) = layout::files(&data) else {
        panic!("no layout")
    };
    let names: Vec<&str> = files.iter().map(|(p, _)| *p).collect();
    assert_eq!(names, ["terraform.tfvars", "main.tf"]);
    assert!(layout::files(&[]).is_none());
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

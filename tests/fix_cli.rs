//! `coglint check --fix`, `--unsafe-fixes` and `--diff` end to end: what is written, what is
//! not, what is said, and the exit codes.

mod common;

use std::path::Path;

use common::{coglint, root, stdout, tempdir, write};

const TEMPLATE: &str = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: 'ON'\n      EnabledMfas: [SOFTWARE_TOKEN_MFA]\n      DeletionProtection: INACTIVE  # keep this comment\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      AllowedOAuthFlowsUserPoolClient: true\n      AllowedOAuthFlows: [code, implicit]\n      CallbackURLs: [https://app.example.org/callback]\n";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = tempdir();
    write(dir.path(), "template.yaml", TEMPLATE);
    let out = coglint(dir.path(), &["check", "--diff", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- a/template.yaml\n+++ b/template.yaml\n"),
        "{diff}"
    );
    assert!(diff.contains("-      DeletionProtection: INACTIVE  # keep this comment\n+      DeletionProtection: ACTIVE  # keep this comment\n"), "{diff}");
    assert!(
        diff.contains("+      PreventUserExistenceErrors: ENABLED\n"),
        "{diff}"
    );
    // The unsafe fix is not in it, and is counted.
    assert!(!diff.contains("implicit]\n+"), "{diff}");
    assert!(
        stderr(&out).contains("would fix 2 findings (1 more with --unsafe-fixes)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&dir.path().join("template.yaml")), TEMPLATE);

    let out = coglint(dir.path(), &["check", "--diff", "--unsafe-fixes", "."]);
    assert!(stdout(&out).contains(
        "-      AllowedOAuthFlows: [code, implicit]\n+      AllowedOAuthFlows: [code]\n"
    ));
    assert_eq!(read(&dir.path().join("template.yaml")), TEMPLATE);
}

#[test]
fn fix_applies_the_safe_fixes_and_reports_what_remains() {
    let dir = tempdir();
    write(dir.path(), "template.yaml", TEMPLATE);
    let out = coglint(dir.path(), &["check", "--fix", "--format", "concise", "."]);
    let err = stderr(&out);
    assert!(
        err.contains("fixed 2 findings (1 more with --unsafe-fixes)"),
        "{err}"
    );
    let text = read(&dir.path().join("template.yaml"));
    assert!(
        text.contains("      DeletionProtection: ACTIVE  # keep this comment\n"),
        "{text}"
    );
    assert!(
        text.contains("      PreventUserExistenceErrors: ENABLED\n"),
        "{text}"
    );
    assert!(text.contains("[code, implicit]"), "{text}");
    // What remains is reported, and decides the exit code.
    let report = stdout(&out);
    assert!(report.contains("COG301"), "{report}");
    assert!(
        !report.contains("COG601") && !report.contains("COG302"),
        "{report}"
    );
    assert_eq!(out.status.code(), Some(1));

    let out = coglint(
        dir.path(),
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "concise",
            ".",
        ],
    );
    assert!(stderr(&out).contains("fixed 1 finding"), "{}", stderr(&out));
    let text = read(&dir.path().join("template.yaml"));
    assert!(text.contains("AllowedOAuthFlows: [code]\n"), "{text}");
    assert!(!stdout(&out).contains("COG301"));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["template.yaml".to_string()]);
}

#[test]
fn the_human_report_says_which_findings_a_fix_can_apply() {
    let dir = tempdir();
    write(dir.path(), "template.yaml", TEMPLATE);
    let out = coglint(dir.path(), &["check", "--color", "never", "."]);
    let report = stdout(&out);
    assert!(
        report.contains("fix (safe): Set `DeletionProtection` to `ACTIVE` (`coglint check --fix`)"),
        "{report}"
    );
    assert!(
        // (the line is wrapped after it)
        report.contains("fix (unsafe): Remove `implicit` from `AllowedOAuthFlows` ("),
        "{report}"
    );
}

#[test]
fn unsafe_fixes_alone_is_a_usage_error() {
    let dir = tempdir();
    write(dir.path(), "template.yaml", TEMPLATE);
    let out = coglint(dir.path(), &["check", "--unsafe-fixes", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(read(&dir.path().join("template.yaml")), TEMPLATE);
}

#[test]
fn json_output_carries_each_fix_with_its_edits() {
    let dir = tempdir();
    write(dir.path(), "template.yaml", TEMPLATE);
    let out = coglint(dir.path(), &["check", "--format", "json", "."]);
    let doc: serde_json::Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"));
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    let fix_of = |code: &str| {
        findings
            .iter()
            .find(|f| f["code"] == code)
            .map(|f| f["fix"].clone())
            .unwrap_or_default()
    };
    let fix = fix_of("COG601");
    assert_eq!(fix["applicability"], "safe");
    assert_eq!(fix["title"], "Set `DeletionProtection` to `ACTIVE`");
    assert_eq!(fix["edits"][0]["replacement"], "ACTIVE");
    assert_eq!(fix["edits"][0]["location"]["start"]["line"], 7);
    let fix = fix_of("COG301");
    assert_eq!(fix["applicability"], "unsafe");
    assert_eq!(fix["edits"][0]["replacement"], "");
    // A rule without a fix has no `fix` field.
    assert!(fix_of("COG201").is_null());
}

#[test]
fn a_value_written_outside_the_scanned_paths_is_not_written() {
    let dir = tempdir();
    let params = "{\"Errors\": \"LEGACY\"}\n";
    write(dir.path(), "params/values.json", params);
    let template = "Parameters:\n  Errors:\n    Type: String\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: ACTIVE\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: !Ref Errors\n";
    write(dir.path(), "stack/template.yaml", template);
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--fix",
            "--parameters",
            "params/values.json",
            "--format",
            "concise",
            "stack",
        ],
    );
    let err = stderr(&out);
    assert!(
        err.contains("not fixed:") && err.contains("outside the scanned paths"),
        "{err}"
    );
    assert!(err.contains("fixed 0 findings"), "{err}");
    assert_eq!(read(&dir.path().join("params/values.json")), params);
    assert_eq!(read(&dir.path().join("stack/template.yaml")), template);
    assert!(stdout(&out).contains("COG302"));
}

#[test]
fn a_cloud_assembly_is_never_written() {
    let dir = tempdir();
    let app = root().join("testdata/cdk/plain-stack");
    copy_dir(&app, &dir.path().join("app"));
    let before = snapshot(&dir.path().join("app"));
    let out = coglint(dir.path(), &["check", "--format", "json", "app"]);
    let doc: serde_json::Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"));
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    assert!(!findings.is_empty());
    assert!(findings.iter().all(|f| f.get("fix").is_none()));
    let out = coglint(dir.path(), &["check", "--fix", "--unsafe-fixes", "app"]);
    assert!(
        stderr(&out).contains("fixed 0 findings"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&dir.path().join("app")), before);
}

#[test]
fn an_assembly_synthesized_elsewhere_is_recognised_by_its_marker() {
    let dir = tempdir();
    copy_dir(
        &root().join("testdata/cdk/plain-stack/cdk.out"),
        &dir.path().join("build"),
    );
    let before = snapshot(dir.path());
    let out = coglint(dir.path(), &["check", "--fix", "--unsafe-fixes", "."]);
    assert!(
        stderr(&out).contains("fixed 0 findings"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(dir.path()), before);
}

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::create_dir_all(to);
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else if let Err(e) = std::fs::copy(&path, &target) {
            panic!("{e}");
        }
    }
}

fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn a_fixed_file_keeps_its_permissions_and_a_link_stays_a_link() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempdir();
    write(dir.path(), "real/template.yaml", TEMPLATE);
    let real = dir.path().join("real/template.yaml");
    let _ = std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640));
    if let Err(e) = symlink(&real, dir.path().join("real/link.yaml")) {
        panic!("{e}");
    }
    let out = coglint(dir.path(), &["check", "--fix", "real"]);
    assert!(
        stderr(&out).contains("fixed 2 findings"),
        "{}",
        stderr(&out)
    );
    let mode = std::fs::metadata(&real).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode.ok(), Some(0o640));
    let link = std::fs::symlink_metadata(dir.path().join("real/link.yaml"));
    assert!(link.is_ok_and(|m| m.file_type().is_symlink()));
    assert!(read(&real).contains("DeletionProtection: ACTIVE  # keep this comment"));
}

#[test]
fn findings_a_baseline_holds_are_not_fixed() {
    let dir = tempdir();
    write(dir.path(), "template.yaml", TEMPLATE);
    let out = coglint(
        dir.path(),
        &["check", "--write-baseline", "base.json", "template.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--diff",
            "--baseline",
            "base.json",
            "template.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let out = coglint(
        dir.path(),
        &["check", "--fix", "--baseline", "base.json", "template.yaml"],
    );
    assert!(
        stderr(&out).contains("fixed 0 findings"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&dir.path().join("template.yaml")), TEMPLATE);
}

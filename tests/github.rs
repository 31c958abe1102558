//! `coglint check --format github`: workflow commands for GitHub Actions annotations, at most 10
//! per level, and the Markdown step summary appended to `$GITHUB_STEP_SUMMARY`.
//!
//! The expected outputs are golden files in `testdata/cli/github/`. The binary runs in the
//! repository root, so paths in them are `testdata/...`. They run with the rules of
//! `testdata/cli/github/coglint.toml`: they test the format, and new rules must not change them.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{root, SECURE_POOL};

const MFA_OFF: &str = "testdata/rules/mfa-off/fail.yaml";

/// Runs coglint in `dir`; `summary` is the file `$GITHUB_STEP_SUMMARY` names, if any. The
/// variable is always set or removed, so a run inside GitHub Actions leaves its summary alone.
fn coglint(dir: &Path, args: &[&str], summary: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coglint"));
    let config = root().join("testdata/cli/github/coglint.toml");
    command
        .args(args)
        .arg("--config")
        .arg(config)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    match summary {
        Some(path) => command.env("GITHUB_STEP_SUMMARY", path),
        None => command.env_remove("GITHUB_STEP_SUMMARY"),
    };
    match command.output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run coglint: {e}"),
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn read(path: &Path) -> String {
    match fs::read_to_string(path) {
        // A checkout with CRLF line endings still compares equal.
        Ok(text) => text.replace("\r\n", "\n"),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn write(path: &Path, text: &str) {
    if let Err(e) = fs::write(path, text) {
        panic!("{}: {e}", path.display());
    }
}

fn golden(name: &str) -> String {
    read(&root().join("testdata/cli/github").join(name))
}

fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

/// Equal texts, or a failure naming the first line that differs.
fn assert_same(actual: &str, expected: &str, what: &str) {
    if actual == expected {
        return;
    }
    let mut actual_lines = actual.lines();
    let mut expected_lines = expected.lines();
    let mut n = 1;
    loop {
        match (actual_lines.next(), expected_lines.next()) {
            (Some(a), Some(e)) if a == e => n += 1,
            (a, e) => panic!(
                "{what} differs at line {n}:\n  actual:   {a:?}\n  expected: {e:?}\n\nwhole output:\n{actual}"
            ),
        }
    }
}

fn count_prefixed(text: &str, prefix: &str) -> usize {
    text.lines().filter(|l| l.starts_with(prefix)).count()
}

/// Every line is a workflow command or a plain `coglint:` line, with no stray line break.
fn assert_well_formed(text: &str) {
    assert!(!text.contains('\r'), "a carriage return in:\n{text}");
    for line in text.lines() {
        let known = [
            "::error file=",
            "::warning file=",
            "::notice file=",
            "coglint: ",
        ]
        .iter()
        .any(|p| line.starts_with(p));
        assert!(known, "unexpected line: {line:?}");
        if let Some(command) = line.strip_prefix("::") {
            let (properties, _message) = command
                .split_once("::")
                .unwrap_or_else(|| panic!("no `::` before the message: {line:?}"));
            assert!(properties.contains(",title="), "no title: {line:?}");
        }
    }
}

#[test]
fn annotations_of_one_template_match_the_golden_file() {
    let out = coglint(&root(), &["check", "--format", "github", MFA_OFF], None);
    let text = stdout(&out);
    assert_same(&text, &golden("mfa-off.txt"), "stdout");
    assert_well_formed(&text);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // 15 high findings: only 10 become error annotations, and a plain line says so.
    assert_eq!(count_prefixed(&text, "::error "), 10);
    assert_eq!(count_prefixed(&text, "::warning "), 8);
    assert_eq!(count_prefixed(&text, "::notice "), 8);
    assert!(text.contains(
        "\ncoglint: 5 more error annotations not shown; see the step summary or the SARIF report.\n"
    ));
    assert!(!text.contains("more warning annotation"));
    assert!(text.ends_with(
        "\ncoglint: Found 31 findings (15 high, 8 medium, 8 low) in 1 template (1 file scanned); 31 at or above low.\n"
    ));
}

#[test]
fn at_most_ten_annotations_of_each_level_over_two_directories() {
    let out = coglint(
        &root(),
        &[
            "check",
            "--format",
            "github",
            "testdata/rules/client-implicit-grant",
            "testdata/rules/mfa-off",
        ],
        None,
    );
    let text = stdout(&out);
    assert_same(
        &text,
        &golden("client-implicit-grant-and-mfa-off.txt"),
        "stdout",
    );
    assert_well_formed(&text);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(count_prefixed(&text, "::error "), 10);
    assert_eq!(count_prefixed(&text, "::warning "), 10);
    assert_eq!(count_prefixed(&text, "::notice "), 10);
    for (level, hidden) in [("error", 91), ("warning", 98), ("notice", 43)] {
        let line = format!(
            "coglint: {hidden} more {level} annotations not shown; see the step summary or the SARIF report."
        );
        assert_eq!(
            text.lines().filter(|l| *l == line).count(),
            1,
            "no line {line:?} in:\n{text}"
        );
    }
    assert!(text.ends_with(
        "\ncoglint: Found 262 findings (101 high, 108 medium, 53 low) in 12 templates and 2 Terraform modules (18 files scanned); 262 at or above low.\n"
    ));
}

#[test]
fn the_step_summary_is_appended_to_github_step_summary() {
    let dir = tempdir();
    let summary = dir.path().join("summary.md");
    write(&summary, "previous step\n");
    let out = coglint(
        &root(),
        &["check", "--format", "github", MFA_OFF],
        Some(&summary),
    );
    // The annotations still go to standard output, unchanged.
    assert_same(&stdout(&out), &golden("mfa-off.txt"), "stdout");
    assert_eq!(out.status.code(), Some(1));
    let written = read(&summary);
    let expected = format!("previous step\n{}", golden("mfa-off-summary.md"));
    assert_same(&written, &expected, "step summary");
    // The table lists every finding, not only the 10 of each level annotated.
    assert_eq!(
        count_prefixed(&written, "| high | [COG"),
        15,
        "every high finding is in the table"
    );
    assert_eq!(
        count_prefixed(&written, "| high | ")
            + count_prefixed(&written, "| medium | ")
            + count_prefixed(&written, "| low | "),
        31 + 3,
        "31 rows of findings and 3 of counts"
    );
}

#[test]
fn other_formats_leave_the_step_summary_alone() {
    let dir = tempdir();
    let summary = dir.path().join("summary.md");
    write(&summary, "previous step\n");
    let out = coglint(
        &root(),
        &["check", "--format", "concise", MFA_OFF],
        Some(&summary),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!stdout(&out).contains("::error"));
    assert_eq!(read(&summary), "previous step\n");
}

#[test]
fn a_clean_scan_prints_only_its_summary_line() {
    let dir = tempdir();
    write(&dir.path().join("auth.yaml"), SECURE_POOL);
    let summary = dir.path().join("summary.md");
    let out = coglint(dir.path(), &["check", "--format", "github"], Some(&summary));
    assert_eq!(
        stdout(&out),
        "coglint: No findings in 1 template (1 file scanned).\n"
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        read(&summary),
        "## coglint\n\nNo findings in 1 template (1 file scanned).\n\n"
    );
}

#[test]
fn input_problems_are_annotated_and_listed() {
    let dir = tempdir();
    write(
        &dir.path().join("bad.yaml"),
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: [unclosed\n",
    );
    let summary = dir.path().join("summary.md");
    let out = coglint(
        dir.path(),
        &["check", "--format", "github", "bad.yaml"],
        Some(&summary),
    );
    let text = stdout(&out);
    assert_well_formed(&text);
    assert_eq!(out.status.code(), Some(2), "{text}");
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("::error file=bad.yaml,line=4,col=17,endLine=4,endColumn=17,title=coglint syntax-error::"),
        "{text}"
    );
    assert!(text.ends_with(
        "\ncoglint: No findings in 0 templates (1 file scanned); 1 file could not be read.\n"
    ));
    let written = read(&summary);
    assert!(
        written.contains("\n### Problems\n\n- **error** `syntax-error` in `bad.yaml:4:17`: "),
        "{written}"
    );
}

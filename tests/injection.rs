//! Input never steers the output: logical IDs, file names, values and source lines crafted to
//! inject workflow commands, terminal escapes, bidirectional overrides or Markdown reach every
//! text format escaped, and long values are cut. JSON and SARIF keep the values whole.
#![cfg(unix)]

mod common;

use std::path::Path;

use common::{coglint_within_a_minute, tempdir, write};

/// A logical ID that tries everything: a new line with a workflow command, an OSC hyperlink
/// and a screen clear, a bell, a right-to-left override, HTML and a remote image.
const EVIL_ID: &str = r#""Pool\n::error::owned\r::add-mask::x\e]8;;http://e.example\a\e[2J\u202eX<h1>ALL CHECKS PASSED</h1>![x](https://e.example/p.png)""#;

/// Characters no text format may print raw: C0 controls but the line feed, DEL, C1 controls,
/// bidirectional embeddings, overrides and isolates.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn project(dir: &Path) {
    let digits = "9".repeat(1_000_000);
    write(
        dir,
        "template.yaml",
        format!(
            "Parameters:\n  Len:\n    Type: Number\n    Default: {digits}\nResources:\n  {EVIL_ID}:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\" # \u{202e}evil\u{2066}\n      Policies:\n        PasswordPolicy:\n          MinimumLength: !Ref Len\n"
        ),
    );
    // A module source is printed by `--show-unknown` when it is not followed.
    write(
        dir,
        "main.tf",
        "module \"evil\" {\n  source = \"git::https://e.example/m\\n::error::src\\u001b]0;title\\u0007\"\n}\n",
    );
    // A file name is input too.
    write(
        dir,
        "evil\n::error::name\u{1b}[2J.yaml",
        "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n",
    );
}

fn check_text(format: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| hidden(*c)) {
        panic!("{format}: U+{:04X} printed raw:\n{text}", u32::from(c));
    }
    for line in text.lines() {
        // Annotations are the only workflow commands, and they are ours.
        let ours = ["::error file=", "::warning file=", "::notice file="]
            .iter()
            .any(|p| line.starts_with(p));
        assert!(
            !line.trim_start().starts_with("::") || (format == "github" && ours),
            "{format}: a line starts a workflow command: {line}"
        );
        assert!(
            line.chars().count() < 3 * coglint_report::MAX_SHOWN_CHARS,
            "{format}: a line of {} characters",
            line.chars().count()
        );
    }
    assert!(text.contains("::error::owned"), "{format}: {text}");
}

#[test]
fn text_formats_show_what_input_hides_and_cut_what_is_long() {
    let dir = tempdir();
    project(dir.path());
    let summary = dir.path().join("summary.md");
    for format in ["human", "concise", "github"] {
        let out = coglint_within_a_minute(
            dir.path(),
            &["check", ".", "--format", format, "--show-unknown"],
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        check_text(format, &String::from_utf8_lossy(&out.stdout));
    }
    // The human snippet shows the source line's hidden characters as escapes too.
    let out = coglint_within_a_minute(dir.path(), &["check", "template.yaml"]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("MfaConfiguration: \"OFF\" # \\u{202e}evil\\u{2066}"),
        "{human}"
    );
    // The job summary: no markup from input outside code spans.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coglint"))
        .args(["check", ".", "--format", "github"])
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output();
    assert!(out.is_ok());
    let markdown = std::fs::read_to_string(&summary).unwrap_or_default();
    check_text("summary", &markdown);
    for line in markdown.lines().filter(|l| l.contains("owned")) {
        let outside_code: String = line.split('`').step_by(2).collect();
        for markup in ["<h1>", "![", "](https://e.example"] {
            assert!(!outside_code.contains(markup), "{markup} in {line}");
        }
    }
}

#[test]
fn json_and_sarif_keep_values_whole_and_valid() {
    let dir = tempdir();
    project(dir.path());
    for format in ["json", "sarif"] {
        let out = coglint_within_a_minute(
            dir.path(),
            &["check", ".", "--format", format, "--show-unknown"],
        );
        let value: serde_json::Value = match serde_json::from_slice(&out.stdout) {
            Ok(v) => v,
            Err(e) => panic!("{format}: {e}"),
        };
        let text = value.to_string();
        assert!(
            text.contains("Pool\\n::error::owned\\r::add-mask::x\\u001b]8"),
            "{format}"
        );
    }
    let out = coglint_within_a_minute(
        dir.path(),
        &["check", ".", "--format", "json", "--show-unknown"],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&"9".repeat(1_000_000)),
        "the JSON report cut a value"
    );
}

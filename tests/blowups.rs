//! Inputs of a few hundred KB that once made the evaluator quadratic or exponential. Each test
//! runs coglint with a generous time guard that fails on a hang; how fast they run is measured
//! by `scripts/stress.py`, not here.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{tempdir, write};

/// Far above what any of these takes (well under a second in a release build): only a hang or
/// a return of the blow-up reaches it.
const GUARD: Duration = Duration::from_secs(60);

/// Runs `coglint check --format concise --select all .` in `dir`; its stdout, or a failure when
/// it runs past [`GUARD`].
fn check_within_guard(dir: &Path) -> String {
    let out_path = dir.join(".stdout");
    let out = std::fs::File::create(&out_path).unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_coglint"))
        .args(["check", "--format", "concise", "--select", "all", "."])
        .current_dir(dir)
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > GUARD => {
                let _ = child.kill();
                panic!("coglint ran for more than {GUARD:?}: a hang");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("{e}"),
        }
    }
    std::fs::read_to_string(out_path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_list_of_30000_items_is_read_in_one_pass() {
    let dir = tempdir();
    let mut text = String::from(
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      AllowedOAuthFlows: [code]\n      CallbackURLs:\n",
    );
    for i in 0..30_000 {
        text.push_str(&format!("        - https://app{i}.example.com/callback\n"));
    }
    // The last one is plain HTTP: the whole list was read.
    text.push_str("        - http://insecure.example.com/callback\n");
    write(dir.path(), "template.yaml", text);
    let out = check_within_guard(dir.path());
    assert!(
        out.contains("template.yaml:30010:") && out.contains("COG309"),
        "{out}"
    );
}

#[test]
fn conditions_that_use_each_other_twice_are_not_evaluated_again_and_again() {
    let dir = tempdir();
    let values: Vec<String> = (0..50).map(|i| format!("v{i}")).collect();
    let mut text = String::from("Parameters:\n");
    for i in 0..32 {
        text.push_str(&format!(
            "  P{i}:\n    Type: String\n    Default: v0\n    AllowedValues: [{}]\n",
            values.join(", ")
        ));
    }
    text.push_str("Conditions:\n  C0: !Equals [!Ref P0, v1]\n");
    for i in 1..32 {
        let before = i - 1;
        text.push_str(&format!(
            "  C{i}: !Or [!And [!Condition C{before}, !Equals [!Ref P{i}, v1]], !And [!Not [!Condition C{before}], !Equals [!Ref P{i}, v2]]]\n"
        ));
    }
    text.push_str(
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [C31, 'ON', 'OFF']\n",
    );
    write(dir.path(), "template.yaml", text);
    let out = check_within_guard(dir.path());
    // The pool is checked; its MFA is past what can be decided, so it is unknown, not a finding.
    assert!(out.contains("COG201"), "{out}");
    assert!(!out.contains("COG101"), "{out}");
}

#[test]
fn thousands_of_pools_in_one_template_are_checked_in_linear_time() {
    let dir = tempdir();
    let mut text = String::from("Resources:\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "  Pool{i}:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: 'OFF'\n  Client{i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool{i}\n      AllowedOAuthFlows: [implicit]\n"
        ));
    }
    write(dir.path(), "template.yaml", text);
    let out = check_within_guard(dir.path());
    assert_eq!(out.matches(" COG101 ").count(), 3000, "one per pool");
    assert_eq!(out.matches(" COG301 ").count(), 3000, "one per client");
}

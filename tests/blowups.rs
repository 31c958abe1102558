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

/// Runs `coglint check --format concise --select all . EXTRA..` in `dir`; its stdout, or a
/// failure when it runs past [`GUARD`].
fn check_within_guard(dir: &Path, extra: &[&str]) -> String {
    let out_path = dir.join(".stdout");
    let out = std::fs::File::create(&out_path).unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_coglint"))
        .args(["check", "--format", "concise", "--select", "all", "."])
        .args(extra)
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
    let out = check_within_guard(dir.path(), &[]);
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
    let out = check_within_guard(dir.path(), &[]);
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
    let out = check_within_guard(dir.path(), &[]);
    assert_eq!(out.matches(" COG101 ").count(), 3000, "one per pool");
    assert_eq!(out.matches(" COG301 ").count(), 3000, "one per client");
}

#[test]
fn terraform_values_that_double_at_each_local_are_cut_with_a_reason() {
    let dir = tempdir();
    let mut text =
        String::from("locals {\n  l0 = [\"https://a.example.com\", \"http://b.example.com\"]\n");
    for i in 1..24 {
        text.push_str(&format!(
            "  l{i} = concat(local.l{}, local.l{})\n",
            i - 1,
            i - 1
        ));
    }
    text.push_str(
        "}\nresource \"aws_cognito_user_pool\" \"p\" {\n  name = \"p\"\n}\nresource \"aws_cognito_user_pool_client\" \"c\" {\n  name          = \"c\"\n  user_pool_id  = aws_cognito_user_pool.p.id\n  callback_urls = local.l23\n}\n",
    );
    write(dir.path(), "main.tf", text);
    let out = check_within_guard(dir.path(), &["--show-unknown"]);
    assert!(
        out.contains("unknown COG309") && out.contains("larger than 100000 items"),
        "{out}"
    );
}

#[test]
fn nested_module_calls_stop_at_the_instance_limit_and_say_so() {
    let dir = tempdir();
    write(
        dir.path(),
        "main.tf",
        "module \"top\" {\n  source = \"./level0\"\n}\n",
    );
    for level in 0..15 {
        let text = if level < 14 {
            (0..3)
                .map(|k| {
                    format!(
                        "module \"m{k}\" {{\n  source = \"../level{}\"\n}}\n",
                        level + 1
                    )
                })
                .collect()
        } else {
            "resource \"aws_cognito_user_pool\" \"p\" {\n  name = \"p\"\n}\n".to_string()
        };
        write(dir.path(), &format!("level{level}/main.tf"), text);
    }
    let out = check_within_guard(dir.path(), &["--show-unknown"]);
    assert!(
        out.contains("not followed: the root's module calls make more than 1000 module instances"),
        "{out}"
    );
    // The pools that were evaluated are one finding per rule.
    assert_eq!(out.matches(" COG101 ").count(), 1, "{out}");
}

#[test]
fn a_count_past_the_instance_limit_is_one_instance_with_an_unknown_index() {
    let dir = tempdir();
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_cognito_user_pool\" \"p\" {\n  count             = 5000\n  name              = \"p${count.index}\"\n  mfa_configuration = element([\"ON\", \"OPTIONAL\"], count.index)\n}\n",
    );
    let out = check_within_guard(dir.path(), &["--show-unknown"]);
    assert!(out.contains("`aws_cognito_user_pool.p[*]`"), "{out}");
    assert!(
        out.contains("unknown COG101")
            && out.contains("`count` is 5000: more than 256 instances are checked as one"),
        "{out}"
    );
}

#[test]
fn a_terraform_list_of_30000_items_is_read_in_one_pass() {
    let dir = tempdir();
    let items: Vec<String> = (0..30_000)
        .map(|i| format!("\"https://app{i}.example.com/cb\""))
        .collect();
    write(
        dir.path(),
        "main.tf",
        format!(
            "resource \"aws_cognito_user_pool\" \"p\" {{\n  name = \"p\"\n}}\nresource \"aws_cognito_user_pool_client\" \"c\" {{\n  name          = \"c\"\n  user_pool_id  = aws_cognito_user_pool.p.id\n  callback_urls = [{}, \"http://insecure.example.com/cb\"]\n}}\n",
            items.join(", ")
        ),
    );
    let out = check_within_guard(dir.path(), &[]);
    assert!(out.contains("COG309"), "{out}");
}

//! Limits: inputs that are too big, too deep, too many or unreadable give a located problem,
//! never a panic or a hang, and the other files are still scanned.

mod common;

use common::{coglint, stdout, tempdir, write, SECURE_POOL};

/// A pool with MFA off: a finding that shows the file was scanned.
const WEAK_POOL: &str = "Resources:\n  Weak:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n";

fn concise(dir: &std::path::Path, paths: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["check", "--format", "concise"];
    args.extend_from_slice(paths);
    let out = coglint(dir, &args);
    (stdout(&out), out.status.code())
}

#[test]
fn a_file_over_the_size_limit_is_not_read_and_the_others_are_scanned() {
    let dir = tempdir();
    // A sparse file: its size is known without writing 17 MiB.
    let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap_or_else(|e| panic!("{e}"));
    big.set_len(17 * 1024 * 1024)
        .unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "weak.yaml", WEAK_POOL);
    let (text, code) = concise(dir.path(), &["."]);
    assert!(
        text.contains("big.yaml: error[file-too-large] file is 17 MiB, larger than the 16 MiB limit; not scanned"),
        "{text}"
    );
    assert!(text.contains("weak.yaml:5:25: COG101"), "{text}");
    assert_eq!(code, Some(2));
}

#[test]
fn missing_files_and_dangling_links_are_errors_and_the_others_are_scanned() {
    let dir = tempdir();
    write(dir.path(), "weak.yaml", WEAK_POOL);
    // A file deleted after the walk listed it reads like a dangling link.
    std::os::unix::fs::symlink(dir.path().join("gone.yaml"), dir.path().join("link.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (text, code) = concise(dir.path(), &[".", "missing.yaml"]);
    assert!(
        text.contains("link.yaml: error[io-error] cannot read"),
        "{text}"
    );
    assert!(
        text.contains("missing.yaml: error[io-error] cannot read"),
        "{text}"
    );
    assert!(text.contains("weak.yaml:5:25: COG101"), "{text}");
    assert_eq!(code, Some(2));
}

#[test]
fn deep_hcl_is_a_nesting_error() {
    let dir = tempdir();
    let deep = format!(
        "resource \"aws_cognito_user_pool\" \"p\" {{\n  name = {}1{}\n}}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    write(dir.path(), "deep/main.tf", deep);
    write(dir.path(), "weak.yaml", WEAK_POOL);
    let (text, code) = concise(dir.path(), &["."]);
    assert!(
        text.contains("deep/main.tf:2:") && text.contains("nesting"),
        "{text}"
    );
    assert!(text.contains("weak.yaml:5:25: COG101"), "{text}");
    assert_eq!(code, Some(2));
}

#[test]
fn duplicate_object_keys_past_the_limit_are_a_syntax_error() {
    let dir = tempdir();
    let pool = |keys: usize| {
        let tags: String = (0..keys).map(|i| format!("  k = {i}\n")).collect();
        format!(
            "locals {{\n tags = {{\n{tags} }}\n}}\nresource \"aws_cognito_user_pool\" \"p\" {{\n  mfa_configuration = \"OFF\"\n}}\n"
        )
    };
    // 32 duplicates (33 keys) are read as Terraform reads them; the 33rd is refused.
    write(dir.path(), "read/main.tf", pool(33));
    write(dir.path(), "refused/main.tf", pool(34));
    let (text, code) = concise(dir.path(), &["."]);
    assert!(text.contains("read/main.tf:39:23: COG101"), "{text}");
    assert!(
        text.contains("refused/main.tf:36:3: error[syntax-error] syntax error: more than 32 duplicate object keys"),
        "{text}"
    );
    assert!(!text.contains("refused/main.tf:40"), "{text}");
    assert_eq!(code, Some(2));
}

#[test]
fn a_million_parameter_scenarios_become_one_unknown_value() {
    let dir = tempdir();
    let mut template = String::from("Parameters:\n");
    let mut refs = Vec::new();
    for i in 0..20 {
        template.push_str(&format!(
            "  P{i}:\n    Type: String\n    AllowedValues: [\"O\", \"N\"]\n"
        ));
        refs.push(format!("!Ref P{i}"));
    }
    template.push_str(&format!(
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !Join [\"\", [{}]]\n",
        refs.join(", ")
    ));
    write(dir.path(), "scenarios.yaml", template);
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--show-unknown",
            "scenarios.yaml",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let unknowns = json["unknowns"].as_array().cloned().unwrap_or_default();
    assert!(
        unknowns.iter().any(|u| u["code"] == "COG101"
            && u["reason"]
                .as_str()
                .is_some_and(|r| r.contains("too many scenarios"))),
        "{json:#}"
    );
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    assert!(!findings.iter().any(|f| f["code"] == "COG101"), "{json:#}");
}

#[test]
fn module_cycles_are_errors_and_their_resources_are_still_checked() {
    let dir = tempdir();
    write(
        dir.path(),
        "a/main.tf",
        "module \"b\" {\n  source = \"../b\"\n}\n\nresource \"aws_cognito_user_pool\" \"a\" {\n  name = \"a\"\n}\n",
    );
    write(
        dir.path(),
        "b/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\n",
    );
    let (text, code) = concise(dir.path(), &["."]);
    assert!(
        text.contains("b/main.tf:1:1: error[module-cycle] module `a` calls `a`, which already calls this module"),
        "{text}"
    );
    assert!(
        text.contains(
            "a/main.tf:5:1: COG101 [high] MFA is off for user pool `aws_cognito_user_pool.a`"
        ),
        "{text}"
    );
    assert_eq!(code, Some(2));
}

#[test]
fn module_calls_deeper_than_the_limit_are_errors() {
    let dir = tempdir();
    // A repository: modules beside the scanned one are inside it, and may be read.
    std::fs::create_dir_all(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    for i in 0..20 {
        write(
            dir.path(),
            &format!("m{i}/main.tf"),
            format!(
                "module \"m{}\" {{\n  source = \"../m{}\"\n}}\n",
                i + 1,
                i + 1
            ),
        );
    }
    write(
        dir.path(),
        "m20/main.tf",
        "resource \"aws_cognito_user_pool\" \"deep\" {\n  name = \"deep\"\n}\n",
    );
    let (text, code) = concise(dir.path(), &["m0"]);
    assert!(
        text.contains("m16/main.tf:1:1: error[module-limit] module `m17` is nested 17 calls deep, deeper than the 16 that coglint evaluates"),
        "{text}"
    );
    assert_eq!(code, Some(2));
}

#[test]
fn a_template_that_never_mentions_cognito_is_not_parsed() {
    let dir = tempdir();
    // Broken, but no concern of a Cognito linter: not even a syntax error is reported.
    write(
        dir.path(),
        "bucket.yaml",
        "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [\n",
    );
    write(dir.path(), "secure.yaml", SECURE_POOL);
    let (text, code) = concise(dir.path(), &[".", "bucket.yaml"]);
    assert!(!text.contains("bucket.yaml"), "{text}");
    assert_ne!(code, Some(2), "{text}");
}

#[test]
fn terraform_files_without_cognito_are_still_read_with_their_module() {
    let dir = tempdir();
    // `vars.tf` never mentions Cognito and is not parsed when found; it is read with the
    // module of `pool.tf`, and its default turns MFA on.
    write(
        dir.path(),
        "auth/pool.tf",
        "resource \"aws_cognito_user_pool\" \"p\" {\n  name              = \"p\"\n  mfa_configuration = var.mfa\n}\n",
    );
    write(
        dir.path(),
        "auth/vars.tf",
        "variable \"mfa\" {\n  default = \"ON\"\n}\n",
    );
    write(
        dir.path(),
        "network/main.tf",
        "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n",
    );
    let out = coglint(dir.path(), &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"COG201"), "{json:#}");
    assert!(!codes.contains(&"COG101"), "{json:#}");
    // Every file is counted once, read at the walk or with its module.
    assert_eq!(json["summary"]["files_scanned"], 3, "{json:#}");
}

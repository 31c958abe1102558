//! Hostile input, read as an attacker would write it in a pull request: files that never end
//! (named pipes, devices) and references that lead out of the scanned tree. Each run has a
//! minute to end (a hang fails the test), and no output may hold what lies outside the tree.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;

use common::{coglint_within_a_minute, stdout, tempdir, write};

/// A pool with MFA off: a finding that shows the file was scanned.
const WEAK_POOL: &str = "Resources:\n  Weak:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n";

const WEAK_TF_POOL: &str =
    "resource \"aws_cognito_user_pool\" \"weak\" {\n  name = \"weak\"\n  mfa_configuration = \"OFF\"\n}\n";

/// A named pipe that no one writes to: opening it for reading blocks.
fn fifo(path: &Path) {
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo {}", path.display());
}

fn link(target: impl AsRef<Path>, at: &Path) {
    if let Some(parent) = at.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    if let Err(e) = symlink(target.as_ref(), at) {
        panic!("{}: {e}", at.display());
    }
}

fn run(dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = coglint_within_a_minute(dir, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (stdout(&out), err, out.status.code())
}

#[test]
fn named_pipes_and_devices_found_by_the_walk_are_problems_not_hangs() {
    let dir = tempdir();
    let root = dir.path();
    write(root, "main.tf", WEAK_TF_POOL);
    fifo(&root.join("prod.auto.tfvars"));
    fifo(&root.join("cdk.out/manifest.json"));
    fifo(&root.join("serverless.yml"));
    link("/dev/zero", &root.join("zero.yaml"));
    link("/dev/urandom", &root.join("stacks/random.template.json"));
    write(root, "weak.yaml", WEAK_POOL);
    let (text, _, code) = run(root, &["check", ".", "--format", "concise"]);
    for path in [
        "prod.auto.tfvars",
        "cdk.out/manifest.json",
        "serverless.yml",
    ] {
        let problem = format!("{path}: error[special-file] not a regular file");
        assert_eq!(text.matches(&problem).count(), 1, "{path}:\n{text}");
    }
    // Devices are outside the tree: links to them are not followed.
    for path in ["zero.yaml", "stacks/random.template.json"] {
        let problem = format!("{path}: error[outside-roots] a symbolic link that leads outside");
        assert_eq!(text.matches(&problem).count(), 1, "{path}:\n{text}");
    }
    assert!(text.contains("weak.yaml:5:25: COG101"), "{text}");
    assert!(text.contains("main.tf:3:"), "{text}");
    assert_eq!(code, Some(2));
}

#[test]
fn a_cloud_assembly_whose_files_never_end_is_read_no_further() {
    let dir = tempdir();
    let out = dir.path().join("cdk.out");
    write(
        &out,
        "manifest.json",
        r#"{"version": "55.0.0", "artifacts": {
            "Auth": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Auth.template.json"},
                     "additionalMetadataFile": "Auth.metadata.json"},
            "Assets": {"type": "cdk:asset-manifest", "properties": {"file": "Auth.assets.json"}}}}"#,
    );
    link("/dev/zero", &out.join("Auth.template.json"));
    fifo(&out.join("Auth.metadata.json"));
    link("/dev/zero", &out.join("Auth.assets.json"));
    let (text, _, code) = run(dir.path(), &["check", ".", "--format", "concise"]);
    assert!(
        text.contains("cdk.out/Auth.metadata.json: error[special-file]"),
        "{text}"
    );
    // Links to devices lead out of the tree: refused before their type is even looked at.
    assert!(
        text.contains("cdk.out/Auth.template.json: error[outside-roots]"),
        "{text}"
    );
    assert!(
        text.contains("cdk.out/Auth.assets.json: error[outside-roots]"),
        "{text}"
    );
    assert_eq!(code, Some(2));
}

#[test]
fn endless_files_named_by_flags_are_refused() {
    let dir = tempdir();
    let root = dir.path();
    write(root, "weak.yaml", WEAK_POOL);
    write(root, "main.tf", WEAK_TF_POOL);
    fifo(&root.join("pipe.json"));
    for endless in ["/dev/zero", "pipe.json"] {
        for flag in ["--parameters", "--var-file", "--config", "--baseline"] {
            let (text, err, code) =
                run(root, &["check", ".", "--format", "concise", flag, endless]);
            let said = format!("{text}{err}");
            assert!(
                said.contains("not a regular file"),
                "{flag} {endless}:\n{said}"
            );
            assert_eq!(code, Some(2), "{flag} {endless}:\n{said}");
        }
        // Named as a path to scan.
        let (text, _, code) = run(
            root,
            &["check", "--format", "concise", endless, "weak.yaml"],
        );
        assert!(
            text.contains(&format!(
                "{endless}: error[special-file] not a regular file"
            )),
            "{endless}:\n{text}"
        );
        assert!(text.contains("weak.yaml:5:25: COG101"), "{text}");
        assert_eq!(code, Some(2), "{endless}:\n{text}");
    }
}

/// A unique string, written only outside the scanned tree: it must never be printed.
fn secret() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("Secret{}x{nanos}", std::process::id())
}

/// A repository (`repo/`, with `.git`) beside a directory it must not read (`outside/`), whose
/// every file holds `secret`; the repository refers to `outside/` in every way it can.
fn repository_reaching_out(top: &Path, secret: &str) {
    let outside = top.join("outside");
    let template = format!(
        "Resources:\n  {secret}:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n      UserPoolName: {secret}\n"
    );
    write(&outside, "secret.yaml", &template);
    write(&outside, "dir/stack.yaml", &template);
    write(
        &outside,
        "asm/manifest.json",
        format!(
            r#"{{"version": "55.0.0", "artifacts": {{"S": {{"type": "aws:cloudformation:stack", "properties": {{"templateFile": "S.template.json"}}}}}}, "{secret}": 1}}"#
        ),
    );
    write(
        &outside,
        "asm/S.template.json",
        format!(
            r#"{{"Resources": {{"{secret}": {{"Type": "AWS::Cognito::UserPool", "Properties": {{"MfaConfiguration": "OFF"}}}}}}}}"#
        ),
    );
    write(
        &outside,
        "secret.json",
        format!("{{\"{secret}\": \"{secret}\"}}"),
    );
    write(&outside, "secret.ts", format!("const {secret} = 1;\n"));
    let tf = format!(
        "resource \"aws_cognito_user_pool\" \"{secret}\" {{\n  name = \"{secret}\"\n  mfa_configuration = \"OFF\"\n}}\n"
    );
    write(&outside, "secret.tf", &tf);
    write(&outside, "mod/main.tf", &tf);
    write(
        &outside,
        "samconfig.toml",
        format!(
            "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = \"{secret}=1\"\n"
        ),
    );

    let repo = top.join("repo");
    let _ = std::fs::create_dir_all(repo.join(".git"));
    write(&repo, "weak.yaml", WEAK_POOL);
    // Links, to a file and to a directory.
    link(outside.join("secret.yaml"), &repo.join("link.yaml"));
    link(outside.join("dir"), &repo.join("linked-dir"));
    link(outside.join("secret.tf"), &repo.join("tf/link.tf"));
    // A SAM project whose samconfig is a link out.
    write(&repo, "sam/template.yaml", WEAK_POOL);
    link(
        outside.join("samconfig.toml"),
        &repo.join("sam/samconfig.toml"),
    );
    // Terraform: a module source and an installed module out of the tree.
    write(&repo, "tf/main.tf", format!("{WEAK_TF_POOL}module \"out\" {{\n  source = \"../../outside/mod\"\n}}\nmodule \"remote\" {{\n  source = \"example/remote/aws\"\n}}\n"));
    write(
        &repo,
        "tf/.terraform/modules/modules.json",
        r#"{"Modules": [{"Key": "remote", "Source": "example/remote/aws", "Dir": "../../outside/mod"}]}"#,
    );
    // A CDK assembly: a template, a nested assembly, a metadata file and a trace out of it.
    let trace = outside.join("secret.ts");
    write(
        &repo,
        "app/cdk.out/manifest.json",
        format!(
            r#"{{"version": "55.0.0", "artifacts": {{
            "Evil": {{"type": "aws:cloudformation:stack", "properties": {{"templateFile": "../../../outside/secret.yaml"}}}},
            "Auth": {{"type": "aws:cloudformation:stack", "properties": {{"templateFile": "Auth.template.json"}},
                     "additionalMetadataFile": "../../../outside/secret.json",
                     "metadata": {{"/Auth/Pool/Resource": [{{"type": "aws:cdk:logicalId", "data": "Pool"}},
                        {{"type": "aws:cdk:creationStack", "data": ["new Auth ({}:1:7)"]}}]}}}},
            "Nested": {{"type": "cdk:cloud-assembly", "properties": {{"directoryName": "../../../outside/asm"}}}}}}}}"#,
            trace.display()
        ),
    );
    write(
        &repo,
        "app/cdk.out/Auth.template.json",
        r#"{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool", "Properties": {"MfaConfiguration": "OFF"}}}}"#,
    );
    // A Serverless service that includes a file out of the tree.
    write(&repo, "sls/serverless.yml", "service: s\nprovider:\n  name: aws\ncustom: ${file(../../outside/secret.json)}\nresources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n      Properties:\n        UserPoolName: ${self:custom.name}\n");
}

#[test]
fn nothing_outside_the_scanned_tree_is_read_or_printed() {
    let dir = tempdir();
    let secret = secret();
    repository_reaching_out(dir.path(), &secret);
    let repo = dir.path().join("repo");
    let mut reports = Vec::new();
    for format in ["human", "concise", "json", "sarif", "github"] {
        let (text, err, code) = run(
            &repo,
            &[
                "check",
                ".",
                "--format",
                format,
                "--show-unknown",
                "--select",
                "all",
            ],
        );
        assert!(!text.contains(&secret), "{format}:\n{text}");
        assert!(!err.contains(&secret), "{format}:\n{err}");
        assert_eq!(code, Some(2), "{format}:\n{text}");
        reports.push(text);
    }
    let concise = &reports[1];
    for (path, what) in [
        ("link.yaml", "a symbolic link that leads outside"),
        ("linked-dir", "a symbolic link that leads outside"),
        ("tf/link.tf", "a symbolic link that leads outside"),
        ("sam/samconfig.toml", "outside the scanned directories"),
        ("tf/main.tf:5:1", "module `out` has its source outside"),
        (
            "tf/.terraform/modules/modules.json",
            "module `remote` is installed outside",
        ),
        (
            "app/cdk.out/manifest.json",
            "names the nested assembly `../../../outside/asm`",
        ),
        ("outside/secret.yaml", "outside the scanned directories"),
        ("outside/secret.json", "outside the scanned directories"),
    ] {
        assert!(
            concise
                .lines()
                .any(|l| l.contains(path) && l.contains("[outside-roots]") && l.contains(what)),
            "{path}: {what}\n{concise}"
        );
    }
    // What is inside is still checked.
    assert!(concise.contains("weak.yaml:5:25: COG101"), "{concise}");
    assert!(concise.contains("Auth.template.json:1:"), "{concise}");
}

#[test]
fn files_the_user_names_are_read_wherever_they_are() {
    let dir = tempdir();
    let root = dir.path().join("repo");
    write(
        &root,
        "pool.yaml",
        "Parameters:\n  Mfa:\n    Type: String\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !Ref Mfa\n",
    );
    write(dir.path(), "params.json", r#"{"Mfa": "OFF"}"#);
    let (text, _, code) = run(
        &root,
        &[
            "check",
            ".",
            "--format",
            "concise",
            "--parameters",
            "../params.json",
        ],
    );
    assert!(text.contains("pool.yaml:8:25: COG101"), "{text}");
    assert_eq!(code, Some(1), "{text}");
}

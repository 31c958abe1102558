//! Suppressions: coglint's own comments and metadata, cdk-nag's, cfn_nag's and checkov's;
//! reasons required, expiry dates, unused ones reported, and an audit switch that ignores all.

mod common;

use std::path::Path;

use common::coglint;

fn concise(dir: &Path, extra: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["check", "--format", "concise"];
    args.extend_from_slice(extra);
    let out = coglint(dir, &args);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = common::tempdir();
    for (name, text) in files {
        common::write(dir.path(), name, text);
    }
    dir
}

const POOLS: &str = "Resources:
  # coglint:ignore COG101 -- internal tool, behind the corporate VPN
  QuietPool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: 'OFF'
  LoudPool:
    Type: AWS::Cognito::UserPool
    Properties:
      # coglint:ignore mfa-off until 2099-01-31 -- migration ticket AUTH-42
      MfaConfiguration: 'OFF'
      UserPoolAddOns:
        AdvancedSecurityMode: AUDIT
";

#[test]
fn comments_silence_a_resource_or_a_property() {
    let dir = project(&[("t.yaml", POOLS)]);
    let (out, _) = concise(dir.path(), &["--fail-on", "critical"]);
    let codes: Vec<&str> = out.lines().filter_map(|l| l.split(": ").nth(1)).collect();
    // COG101 is silenced twice; the other rules still report both pools.
    assert!(!out.contains("COG101"), "{out}");
    assert!(out.contains("t.yaml:13:31: COG202"), "{out}");
    assert!(out.contains("t.yaml:3:3: COG201"), "{out}");
    assert!(!codes.is_empty());
    // An audit sees everything.
    let (audit, _) = concise(dir.path(), &["--no-inline-suppressions"]);
    assert_eq!(audit.matches("COG101").count(), 2, "{audit}");
}

#[test]
fn a_suppression_needs_a_reason_and_expires() {
    let text = "Resources:
  # coglint:ignore COG101
  NoReason:
    Type: AWS::Cognito::UserPool
  # coglint:ignore COG101 until 2020-01-01 -- temporary
  Expired:
    Type: AWS::Cognito::UserPool
";
    let dir = project(&[("t.yaml", text)]);
    let (out, code) = concise(dir.path(), &[]);
    assert!(
        out.contains(
            "t.yaml:2:3: error[invalid-suppression] suppression of COG101 without a reason"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "t.yaml:5:3: warning[expired-suppression] suppression of COG101 expired on 2020-01-01"
        ),
        "{out}"
    );
    assert!(out.contains("t.yaml:3:3: COG101"), "{out}");
    assert!(out.contains("t.yaml:6:3: COG101"), "{out}");
    // The scan is whole: an invalid or expired suppression fails the run like a finding (1),
    // not like an unreadable file (2), even when no finding reaches --fail-on.
    assert_eq!(code, Some(1));
    let (_, code) = concise(dir.path(), &["--fail-on", "critical"]);
    assert_eq!(code, Some(1));
}

#[test]
fn unused_suppressions_are_reported() {
    let text = "Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      # coglint:ignore COG301 -- no client here
      MfaConfiguration: 'ON'
";
    let dir = project(&[("t.yaml", text)]);
    let (out, _) = concise(dir.path(), &[]);
    assert!(
        out.contains("t.yaml:5:7: warning[unused-suppression] unused suppression of COG301"),
        "{out}"
    );
}

#[test]
fn a_former_rule_name_suppresses_and_a_retired_rule_is_explained() {
    let text = "Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: 'ON'
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
      DeviceConfiguration:
        # coglint:ignore new-device-without-challenge -- trusted devices skip MFA by design
        ChallengeRequiredOnNewDevice: true
      # coglint:ignore COG505 -- recovery is by email
      AutoVerifiedAttributes: []
";
    let dir = project(&[("t.yaml", text)]);
    // COG506 is in the hardening group: selected, so that there is something to suppress.
    let (out, _) = concise(dir.path(), &["--select", "hardening"]);
    // The former name of COG506 still suppresses it.
    assert!(!out.contains("COG506"), "{out}");
    assert!(
        !out.contains("unused suppression of new-device-without-challenge"),
        "{out}"
    );
    assert!(
        out.contains(
            "`COG505` names COG505 (recovery-without-verified-attributes), which was retired"
        ),
        "{out}"
    );
    // Without the suppressions, COG506 is there to suppress.
    let (audit, _) = concise(
        dir.path(),
        &["--select", "hardening", "--no-inline-suppressions"],
    );
    assert!(audit.contains("t.yaml:9:39: COG506"), "{audit}");
    // With the rule off (the default), its suppression is not reported as unused.
    let (default, _) = concise(dir.path(), &[]);
    assert!(
        !default.contains("unused suppression of new-device-without-challenge"),
        "{default}"
    );
}

#[test]
fn metadata_suppressions_of_coglint_and_other_tools_are_honoured() {
    let text = r#"{
  "Resources": {
    "Own": {
      "Type": "AWS::Cognito::UserPool",
      "Metadata": {"coglint": {"ignore": [{"id": "COG201", "reason": "threat protection on the WAF"}]}},
      "Properties": {"MfaConfiguration": "ON"}
    },
    "CdkNag": {
      "Type": "AWS::Cognito::UserPool",
      "Metadata": {"cdk_nag": {"rules_to_suppress": [{"id": "AwsSolutions-COG2", "reason": "SSO only"}]}},
      "Properties": {"MfaConfiguration": "OPTIONAL"}
    },
    "CfnNag": {
      "Type": "AWS::Cognito::UserPool",
      "Metadata": {"cfn_nag": {"rules_to_suppress": [{"id": "F78", "reason": "legacy"}]}}
    },
    "Checkov": {
      "Type": "AWS::Cognito::UserPool",
      "Metadata": {"checkov": {"skip": [{"id": "CKV_AWS_999", "comment": "not ours"}]}},
      "Properties": {"MfaConfiguration": "ON"}
    }
  }
}"#;
    let dir = project(&[("t.json", text)]);
    let (out, _) = concise(dir.path(), &[]);
    let for_resource = |name: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.contains(&format!("`{name}`")))
            .filter_map(|l| {
                l.split(": ")
                    .nth(1)
                    .map(|c| c.split(' ').next().unwrap_or("").to_string())
            })
            .collect()
    };
    assert!(
        !for_resource("Own").contains(&"COG201".to_string()),
        "{out}"
    );
    // AwsSolutions-COG2 is coglint's COG101 and COG102.
    assert!(
        !for_resource("CdkNag").contains(&"COG102".to_string()),
        "{out}"
    );
    // F78 is COG101.
    assert!(
        !for_resource("CfnNag").contains(&"COG101".to_string()),
        "{out}"
    );
    assert!(
        for_resource("CfnNag").contains(&"COG201".to_string()),
        "{out}"
    );
    // A checkov id coglint does not map is checkov's business: not reported as unused.
    assert!(!out.contains("CKV_AWS_999"), "{out}");
}

#[test]
fn terraform_comments_work_too() {
    let text = "resource \"aws_cognito_user_pool\" \"main\" {
  name = \"users\"
  # coglint:ignore COG101 -- break-glass pool, MFA enforced by the IdP
  mfa_configuration = \"OFF\"
}
";
    let dir = project(&[("main.tf", text)]);
    let (out, _) = concise(dir.path(), &[]);
    assert!(!out.contains("COG101"), "{out}");
    assert!(out.contains("main.tf:1:1: COG201"), "{out}");
}

#[test]
fn a_baseline_survives_moved_lines_and_lets_new_findings_through() {
    let before = "Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: OPTIONAL
";
    let dir = project(&[("t.yaml", before)]);
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--write-baseline",
            "baseline.json",
        ],
    );
    let recorded = String::from_utf8_lossy(&out.stdout).lines().count();
    assert!(recorded >= 4, "the pool has several findings");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("baseline.json")).unwrap_or_default(),
    )
    .unwrap_or_default();
    assert_eq!(json["version"], 2);
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(recorded));

    // Lines move, and a client with a new problem appears.
    let after = format!(
        "# A comment and a description push everything down.\nDescription: auth\n{before}  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: ENABLED\n      AllowedOAuthFlows: [implicit]\n      RefreshTokenValidity: 7\n      RefreshTokenRotation:\n        Feature: ENABLED\n"
    );
    std::fs::write(dir.path().join("t.yaml"), after).unwrap_or_else(|e| panic!("{e}"));
    let (out, code) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(
        out,
        "t.yaml:13:27: COG301 [high] app client `Client` allows the implicit grant: tokens are returned in the URL\n"
    );
    assert_eq!(code, Some(1));
    let (out, code) = concise(dir.path(), &["--baseline", "missing.json"]);
    assert_eq!(out, "");
    assert_eq!(code, Some(2));
}

const POOL_MODULE: &str = "variable \"name\" {}
resource \"aws_cognito_user_pool\" \"this\" {
  name              = var.name
  mfa_configuration = \"OFF\"
}
";

fn callers(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("module \"{n}\" {{\n  source = \"./pool\"\n  name   = \"{n}\"\n}}\n"))
        .collect()
}

#[test]
fn a_baseline_holds_when_a_module_caller_is_added() {
    let dir = project(&[
        ("pool/main.tf", POOL_MODULE),
        ("main.tf", &callers(&["b", "c"])),
    ]);
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--write-baseline",
            "baseline.json",
        ],
    );
    let first = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        first.contains("MFA is off for user pool `module.b.aws_cognito_user_pool.this` (also `module.c.aws_cognito_user_pool.this`)"),
        "{first}"
    );
    // A caller that sorts first becomes the instance the finding names: the finding is still
    // the one the baseline knows.
    common::write(dir.path(), "main.tf", callers(&["a", "b", "c"]));
    let (out, code) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(out, "");
    assert_eq!(code, Some(0));
    let (out, _) = concise(dir.path(), &[]);
    assert!(
        out.contains("`module.a.aws_cognito_user_pool.this` (also `module.b.aws_cognito_user_pool.this` and 1 other)"),
        "{out}"
    );
}

#[test]
fn a_version_1_baseline_still_knows_its_findings() {
    let dir = project(&[
        ("pool/main.tf", POOL_MODULE),
        ("main.tf", &callers(&["a", "b"])),
    ]);
    // Version 1 fingerprinted rule, file, instance, setting and scenario; it knew `module.b`.
    let print = coglint_linter::baseline::fnv1a(&[
        "COG101",
        "pool/main.tf",
        "module.b.aws_cognito_user_pool.this",
        "MFA",
        "",
    ]);
    let baseline = format!(
        "{{\"version\": 1, \"findings\": [{{\"fingerprint\": \"{print}\", \"rule\": \"COG101\", \"path\": \"pool/main.tf\", \"resource\": \"module.b.aws_cognito_user_pool.this\", \"message\": \"\"}}]}}"
    );
    common::write(dir.path(), "baseline.json", &baseline);
    let (out, _) = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert!(!out.contains("COG101"), "{out}");
    assert!(out.contains("COG201"), "{out}");
}

#[test]
fn checkov_comments_for_checks_coglint_does_not_have_yet_are_left_alone() {
    // CKV_AWS_18 (S3 access logging) is no check of coglint's: the comment is checkov's
    // business, never reported as an unused coglint suppression.
    let text = "resource \"aws_cognito_user_pool\" \"main\" {
  #checkov:skip=CKV_AWS_18:logging is configured by the platform team
  name              = \"users\"
  mfa_configuration = \"ON\"
}
";
    let dir = project(&[("main.tf", text)]);
    let (out, _) = concise(dir.path(), &[]);
    assert!(!out.contains("suppression"), "{out}");
    assert!(out.contains("main.tf:1:1: COG201"), "{out}");
}

#[test]
fn a_checkov_skip_of_guest_access_silences_cog401() {
    let text = "resource \"aws_cognito_identity_pool\" \"catalogue\" {
  #checkov:skip=CKV_AWS_366:guest access is needed for the public catalogue
  identity_pool_name               = \"catalogue\"
  allow_unauthenticated_identities = true
}
";
    let dir = project(&[("main.tf", text)]);
    let (out, _) = concise(dir.path(), &[]);
    assert!(!out.contains("COG401"), "{out}");
    assert!(!out.contains("suppression"), "{out}");
    let without = text.replace(
        "  #checkov:skip=CKV_AWS_366:guest access is needed for the public catalogue\n",
        "",
    );
    std::fs::write(dir.path().join("main.tf"), without).unwrap_or_else(|e| panic!("{e}"));
    let (out, _) = concise(dir.path(), &[]);
    assert!(out.contains("main.tf:3:38: COG401"), "{out}");
}

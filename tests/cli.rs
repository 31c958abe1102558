//! End-to-end runs of the `coglint` binary: discovery, exit codes, formats, bad input.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{coglint, stdout, tempdir, write, SECURE_POOL};

#[test]
fn a_secure_template_passes_with_exit_code_0() {
    let dir = tempdir();
    write(dir.path(), "auth.yaml", SECURE_POOL);
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(stdout(&out), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn findings_are_located_and_exit_code_is_1() {
    let dir = tempdir();
    let bad = SECURE_POOL
        .replace("[code]", "[code, implicit]")
        .replace("\"ON\"", "OPTIONAL");
    write(dir.path(), "infra/auth.yaml", bad);
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(
        stdout(&out),
        "infra/auth.yaml:6:25: COG102 [medium] MFA is optional for user pool `UserPool`: most users will not enable it\n\
         infra/auth.yaml:28:33: COG301 [high] app client `Client` allows the implicit grant: tokens are returned in the URL\n"
    );
    assert_eq!(out.status.code(), Some(1));
    // Below the failing severity the run passes.
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", "--fail-on", "critical"],
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn other_yaml_and_json_files_are_skipped_silently() {
    let dir = tempdir();
    write(dir.path(), "auth.yaml", SECURE_POOL);
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
    );
    write(
        dir.path(),
        "ci.yml",
        "on: push\njobs: {build: {steps: [{run: 'echo Resources'}]}}\n",
    );
    write(
        dir.path(),
        "chart/templates/deploy.yaml",
        "Resources:\n  {{- if .Values.x }}\n  a: {{ .Values.y }}\n",
    );
    write(
        dir.path(),
        "package.json",
        "{\"name\": \"x\", \"version\": \"1.0.0\"}",
    );
    write(
        dir.path(),
        "tsconfig.json",
        "{\n  // Resources\n  \"compilerOptions\": {},\n}\n",
    );
    write(
        dir.path(),
        "docker-compose.yml",
        "services:\n  web:\n    image: nginx\n",
    );
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(stdout(&out), "");
    assert_eq!(out.status.code(), Some(0));
    let out = coglint(dir.path(), &["check"]);
    assert!(
        stdout(&out).contains("No findings in 1 template (6 files scanned)."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_malformed_template_is_an_error_and_the_others_are_still_scanned() {
    let dir = tempdir();
    write(
        dir.path(),
        "a-broken.yaml",
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: [unclosed\n",
    );
    write(
        dir.path(),
        "b-broken.json",
        "{\"Resources\": {\"Pool\": {\"Type\": \"AWS::Cognito::UserPool\",}}}",
    );
    write(
        dir.path(),
        "c-good.yaml",
        SECURE_POOL.replace("\"ON\"", "OPTIONAL"),
    );
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[0],
        "a-broken.yaml:4:17: error[syntax-error] syntax error: unclosed bracket '['"
    );
    assert_eq!(
        lines[1],
        "b-broken.json:1:57: error[syntax-error] syntax error: Trailing commas are not allowed"
    );
    assert!(lines[2].starts_with("c-good.yaml:6:25: COG102"), "{text}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn explicit_files_are_scanned_even_when_ignored() {
    let dir = tempdir();
    write(dir.path(), ".gitignore", "generated/\n");
    write(
        dir.path(),
        "generated/auth.yaml",
        SECURE_POOL.replace("\"ON\"", "OPTIONAL"),
    );
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(stdout(&out), "");
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", "generated/auth.yaml"],
    );
    assert!(
        stdout(&out).starts_with("generated/auth.yaml:6:25: COG102"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn duplicate_keys_are_reported_with_both_places() {
    let dir = tempdir();
    write(
        dir.path(),
        "dup.yaml",
        SECURE_POOL.replace(
            "      UserPoolTier: PLUS\n",
            "      UserPoolTier: PLUS\n      MfaConfiguration: OPTIONAL\n",
        ),
    );
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert!(
        stdout(&out)
            .contains("dup.yaml:9:7: error[duplicate-key] duplicate key `MfaConfiguration`"),
        "{}",
        stdout(&out)
    );
    assert_eq!(out.status.code(), Some(2));
    let out = coglint(dir.path(), &["check", "--color", "never"]);
    let text = stdout(&out);
    assert!(text.contains("first written here"), "{text}");
}

#[test]
fn binary_non_utf8_and_hostile_files_are_errors_not_crashes() {
    let dir = tempdir();
    write(dir.path(), "binary.yaml", b"Resources\0\x01\x02");
    let mut latin1 = b"AWSTemplateFormatVersion: '2010-09-09'\nDescription: caf".to_vec();
    latin1.extend([0xE9, b'\n']);
    latin1.extend(b"Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n");
    write(dir.path(), "latin1.yaml", latin1);
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    write(
        dir.path(),
        "deep.json",
        format!(
            "{{\"Resources\": {{\"P\": {{\"Type\": \"AWS::Cognito::UserPool\", \"Properties\": {deep}}}}}}}"
        ),
    );
    let mut bomb = String::from(
        "AWSTemplateFormatVersion: '2010-09-09'\na: &a [x, x, x, x, x, x, x, x, x, x]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h"])
    {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    bomb.push_str("Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n");
    write(dir.path(), "bomb.yaml", bomb);
    write(dir.path(), "good.yaml", SECURE_POOL);
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", ".", "binary.yaml"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("binary.yaml: error[encoding-error] binary file"),
        "{text}"
    );
    assert!(
        text.contains(
            "latin1.yaml: error[encoding-error] not valid UTF-8 (first invalid byte at line 2"
        ),
        "{text}"
    );
    assert!(
        text.contains("deep.json:1:") && text.contains("nesting"),
        "{text}"
    );
    assert!(
        text.contains("bomb.yaml:") && text.contains("alias limit"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn parameters_files_in_both_forms_decide_values() {
    let dir = tempdir();
    let template = SECURE_POOL
        .replace(
            "Resources:\n",
            "Parameters:\n  Mfa:\n    Type: String\nResources:\n",
        )
        .replace("MfaConfiguration: \"ON\"", "MfaConfiguration: !Ref Mfa");
    write(dir.path(), "auth.yaml", template);
    write(
        dir.path(),
        "cli.json",
        r#"[{"ParameterKey": "Mfa", "ParameterValue": "OFF"}]"#,
    );
    write(
        dir.path(),
        "pipeline.json",
        r#"{"Parameters": {"Mfa": "ON"}}"#,
    );
    let out = coglint(dir.path(), &["check", "--format", "concise", "auth.yaml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "without a value the parameter is unknown"
    );
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--show-unknown",
            "auth.yaml",
        ],
    );
    assert!(
        stdout(&out)
            .contains("unknown COG101 in `UserPool`: MFA: parameter `Mfa` has no `Default`"),
        "{}",
        stdout(&out)
    );
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--parameters",
            "cli.json",
            "auth.yaml",
        ],
    );
    assert!(
        stdout(&out).starts_with("auth.yaml:9:25: COG101 [high] MFA is off"),
        "{}",
        stdout(&out)
    );
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--color",
            "never",
            "--parameters",
            "cli.json",
            "auth.yaml",
        ],
    );
    assert!(
        stdout(&out).contains("value supplied for `Mfa`: cli.json:1:44"),
        "{}",
        stdout(&out)
    );
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--parameters",
            "pipeline.json",
            "auth.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    write(dir.path(), "bad.json", r#"{"Params": {}}"#);
    let out = coglint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--parameters",
            "bad.json",
            "auth.yaml",
        ],
    );
    assert!(
        stdout(&out)
            .contains("bad.json:1:12: error[parameters-error] the value of parameter `Params` must be a string, a number, a boolean or a list"),
        "{}",
        stdout(&out)
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let dir = tempdir();
    write(
        dir.path(),
        "auth.yaml",
        SECURE_POOL.replace("\"ON\"", "OPTIONAL"),
    );
    let out = coglint(
        dir.path(),
        &["check", "--format", "json", "--output", "report.json"],
    );
    assert_eq!(stdout(&out), "");
    assert_eq!(out.status.code(), Some(1));
    let text = fs::read_to_string(dir.path().join("report.json")).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["findings"], 1);
    assert_eq!(json["summary"]["templates"], 1);
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "COG102");
    assert_eq!(finding["rule"], "mfa-optional");
    assert_eq!(finding["severity"], "medium");
    assert_eq!(finding["location"]["path"], "auth.yaml");
    assert_eq!(finding["location"]["start"]["line"], 6);
    assert_eq!(finding["location"]["start"]["column"], 25);
    assert_eq!(finding["location"]["end"]["column"], 33);
    assert_eq!(finding["resource"]["name"], "UserPool");
    assert_eq!(finding["resource"]["type"], "AWS::Cognito::UserPool");
    assert_eq!(finding["defaulted"], false);
}

#[test]
fn color_is_off_when_piped_and_on_when_forced() {
    let dir = tempdir();
    write(
        dir.path(),
        "auth.yaml",
        SECURE_POOL.replace("\"ON\"", "OPTIONAL"),
    );
    let plain = stdout(&coglint(dir.path(), &["check"]));
    assert!(!plain.contains('\u{1b}'));
    let colored = stdout(&coglint(dir.path(), &["check", "--color", "always"]));
    assert!(colored.contains('\u{1b}'));
}

#[test]
fn rules_are_listed_and_documented() {
    let dir = tempdir();
    let out = coglint(dir.path(), &["rules"]);
    let text = stdout(&out);
    // The rules that run, then the retired ones, marked so.
    assert_eq!(
        text.lines().count(),
        coglint_rules::all_rules().len() + coglint_rules::retired_rules().len(),
        "{text}"
    );
    assert_eq!(coglint_rules::all_rules().len(), 48);
    assert!(
        text.lines().any(|l| l.starts_with("COG505 ")
            && l.contains("recovery-without-verified-attributes")
            && l.contains(" retired ")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("COG301  client-implicit-grant")),
        "{text}"
    );
    let out = coglint(dir.path(), &["rules", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let mfa_off = json
        .as_array()
        .and_then(|rules| rules.iter().find(|r| r["code"] == "COG101"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(mfa_off["name"], "mfa-off");
    assert_eq!(mfa_off["severity"], "high");
    assert!(
        mfa_off["related"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x == "cdk-nag AwsSolutions-COG2")),
        "{mfa_off}"
    );
    let out = coglint(dir.path(), &["rule", "client-implicit-grant"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("# client-implicit-grant (COG301)"),
        "{text}"
    );
    assert!(
        text.contains("## How to fix") && text.contains("authorizationCodeGrant"),
        "{text}"
    );
    // A renamed rule is found under its former name too.
    let out = coglint(dir.path(), &["rule", "new-device-without-challenge"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("# remembered-device-skips-mfa (COG506)")
            && text.contains("Formerly `new-device-without-challenge`"),
        "{text}"
    );
    // A retired rule is explained, not an error.
    let out = coglint(dir.path(), &["rule", "COG505"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("# recovery-without-verified-attributes (COG505)")
            && text.contains("Retired")
            && text.contains("InvalidParameterException"),
        "{text}"
    );
    let out = coglint(dir.path(), &["rule", "COG999"]);
    assert_eq!(out.status.code(), Some(2));
    let out = coglint(dir.path(), &["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

const TF_POOL: &str = r#"variable "mfa" {
  type    = string
  default = "OFF"
}

resource "aws_cognito_user_pool" "main" {
  name              = "users"
  mfa_configuration = var.mfa
  user_pool_tier    = "PLUS"

  deletion_protection = "ACTIVE"

  username_configuration {
    case_sensitive = false
  }

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 14
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 1
    password_history_size            = 12
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "admin_only"
      priority = 1
    }
  }
}

resource "aws_wafv2_web_acl_association" "main" {
  resource_arn = aws_cognito_user_pool.main.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd"
}

resource "aws_cognito_log_delivery_configuration" "main" {
  user_pool_id = aws_cognito_user_pool.main.id
  log_configurations {
    event_source = "userAuthEvents"
    log_level    = "INFO"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::example-cognito-logs"
    }
  }
}
"#;

#[test]
fn terraform_variables_follow_terraform_precedence() {
    let dir = tempdir();
    write(dir.path(), "infra/main.tf", TF_POOL);
    let run = |args: &[&str]| {
        let mut all = vec!["check", "--format", "concise"];
        all.extend_from_slice(args);
        stdout(&coglint(dir.path(), &all))
    };
    // The default.
    assert_eq!(
        run(&[]),
        "infra/main.tf:8:23: COG101 [high] MFA is off for user pool `aws_cognito_user_pool.main`\n"
    );
    // terraform.tfvars beats the default, *.auto.tfvars beats terraform.tfvars.
    write(dir.path(), "infra/terraform.tfvars", "mfa = \"OPTIONAL\"\n");
    assert!(run(&[]).contains("COG102"), "{}", run(&[]));
    write(dir.path(), "infra/z.auto.tfvars", "mfa = \"ON\"\n");
    assert_eq!(run(&[]), "");
    // --var-file beats them, -var beats everything.
    write(dir.path(), "prod.tfvars", "mfa = \"OFF\"\n");
    assert!(run(&["--var-file", "prod.tfvars"]).contains("COG101"));
    assert_eq!(run(&["--var-file", "prod.tfvars", "--var", "mfa=ON"]), "");
    // A -var value is written in no file: the finding is at the use.
    assert_eq!(
        run(&["--var", "mfa=OFF"]),
        "infra/main.tf:8:23: COG101 [high] MFA is off for user pool `aws_cognito_user_pool.main`\n"
    );
    // The related location is the value in the var file.
    let human = stdout(&coglint(
        dir.path(),
        &["check", "--color", "never", "--var-file", "prod.tfvars"],
    ));
    assert!(
        human.contains("value supplied for `mfa`: prod.tfvars:1:7"),
        "{human}"
    );
    assert!(
        human.contains("MFA is `OFF`, from variable `mfa`"),
        "{human}"
    );
}

#[test]
fn a_called_module_is_checked_through_its_calls_only() {
    let dir = tempdir();
    write(
        dir.path(),
        "main.tf",
        "module \"strict\" {\n  source = \"./modules/pool\"\n  mfa    = \"ON\"\n}\n\nmodule \"lax\" {\n  source = \"./modules/pool\"\n  mfa    = \"OPTIONAL\"\n}\n",
    );
    write(dir.path(), "modules/pool/main.tf", TF_POOL);
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    // With its own default (OFF) the module would be flagged by COG101; through its calls it is not.
    assert_eq!(
        stdout(&out),
        "modules/pool/main.tf:8:23: COG102 [medium] MFA is optional for user pool `module.lax.aws_cognito_user_pool.main`: most users will not enable it\n"
    );
    let summary = stdout(&coglint(dir.path(), &["check", "--color", "never"]));
    assert!(
        summary.contains("in 1 Terraform module (2 files scanned)"),
        "{summary}"
    );
}

#[test]
fn malformed_hcl_is_located_and_other_modules_are_still_checked() {
    let dir = tempdir();
    write(
        dir.path(),
        "broken/main.tf",
        "resource \"aws_cognito_user_pool\" \"x\" {\n  name = \n}\n",
    );
    write(dir.path(), "good/main.tf", TF_POOL);
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    let text = stdout(&out);
    assert!(text.starts_with("broken/main.tf:"), "{text}");
    assert!(text.contains("error[syntax-error]"), "{text}");
    assert!(text.contains("good/main.tf:8:23: COG101"), "{text}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unknown_terraform_values_are_listed_not_flagged() {
    let dir = tempdir();
    write(
        dir.path(),
        "main.tf",
        TF_POOL.replace("  default = \"OFF\"\n", ""),
    );
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", "--show-unknown"],
    );
    assert_eq!(
        stdout(&out),
        "main.tf:7:23: unknown COG001 in `aws_cognito_user_pool.main`: `mfa_configuration`: variable `mfa` has no default and no value was given (tfvars, -var, --var-file)\n\
         main.tf:7:23: unknown COG101 in `aws_cognito_user_pool.main`: MFA: variable `mfa` has no default and no value was given (tfvars, -var, --var-file)\n\
         main.tf:7:23: unknown COG102 in `aws_cognito_user_pool.main`: MFA: variable `mfa` has no default and no value was given (tfvars, -var, --var-file)\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn findings_in_a_remote_module_are_reported_at_the_calling_block() {
    let dir = tempdir();
    write(
        dir.path(),
        "main.tf",
        "module \"auth\" {\n  source  = \"example/cognito/aws\"\n  version = \"1.0.0\"\n  mfa     = \"OPTIONAL\"\n}\n",
    );
    write(dir.path(), ".terraform/modules/auth/main.tf", TF_POOL);
    write(
        dir.path(),
        ".terraform/modules/modules.json",
        r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"auth","Source":"registry.terraform.io/example/cognito/aws","Version":"1.0.0","Dir":".terraform/modules/auth"}]}"#,
    );
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(
        stdout(&out),
        "main.tf:1:1: COG102 [medium] MFA is optional for user pool `module.auth.aws_cognito_user_pool.main`: most users will not enable it\n"
    );
    let human = stdout(&coglint(dir.path(), &["check", "--color", "never"]));
    assert!(
        human.contains("MFA is `OPTIONAL` in this module"),
        "{human}"
    );
    assert!(
        human.contains("in the module's source: MFA is `OPTIONAL`, from variable `mfa`"),
        "{human}"
    );
    // Without `terraform init`, the remote module is not there to read: nothing is guessed.
    std::fs::remove_dir_all(dir.path().join(".terraform")).unwrap_or_else(|e| panic!("{e}"));
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(stdout(&out), "");
    // It is listed with the unknowns, and counted in the summary.
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", "--show-unknown"],
    );
    assert_eq!(
        stdout(&out),
        "main.tf:1:1: unknown module `module.auth` (`example/cognito/aws`): not followed: `terraform init` has not installed it (no `.terraform/modules` entry)\n"
    );
    let human = stdout(&coglint(
        dir.path(),
        &["check", "--color", "never", "--show-unknown"],
    ));
    assert_eq!(
        human,
        "Module calls that are not followed (what they do is not checked):\n  \
         main.tf:1:1  `module.auth` (`example/cognito/aws`): `terraform init` has not installed it (no `.terraform/modules` entry)\n\n\
         No findings in 1 Terraform module (1 file scanned); 1 module call not followed.\n"
    );
    let json = stdout(&coglint(
        dir.path(),
        &["check", "--format", "json", "--show-unknown"],
    ));
    let doc: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(doc["summary"]["unfollowed_modules"], 1);
    assert_eq!(doc["unfollowed_modules"][0]["module"], "module.auth");
    assert_eq!(doc["unfollowed_modules"][0]["location"]["start"]["line"], 1);
}

#[test]
fn a_module_call_is_listed_once_however_many_instances_and_callers_reach_it() {
    let dir = tempdir();
    write(
        dir.path(),
        "a/main.tf",
        "module \"shared\" {\n  source = \"../shared\"\n}\n",
    );
    write(
        dir.path(),
        "b/main.tf",
        "module \"shared\" {\n  source   = \"../shared\"\n  for_each = toset([\"x\", \"y\"])\n}\n",
    );
    write(
        dir.path(),
        "shared/main.tf",
        "module \"waf\" {\n  source = \"git::https://example.com/waf.git\"\n}\nmodule \"gone\" {\n  source = \"./missing\"\n}\n",
    );
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", "--show-unknown"],
    );
    assert_eq!(
        stdout(&out),
        "shared/main.tf:1:1: unknown module `module.shared.module.waf` (`git::https://example.com/waf.git`): not followed: `terraform init` has not installed it (no `.terraform/modules` entry)\n\
         shared/main.tf:4:1: unknown module `module.shared.module.gone` (`./missing`): not followed: no `.tf` file is there\n"
    );
    let human = stdout(&coglint(dir.path(), &["check", "--color", "never"]));
    assert!(
        human.ends_with("; 2 module calls not followed.\n"),
        "{human}"
    );
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_coglint"))
            .args(["check", "--format", "json", "testdata/rules", "examples"])
            .current_dir(root)
            .env("RAYON_NUM_THREADS", threads)
            .output();
        match out {
            Ok(o) => o.stdout,
            Err(e) => panic!("{e}"),
        }
    };
    let one = run("1");
    assert!(one.len() > 10_000, "expected a large report");
    for threads in ["2", "8"] {
        assert!(one == run(threads), "output differs with {threads} threads");
    }
}

#[test]
fn terraform_json_syntax_is_one_module_with_the_tf_files_beside_it() {
    let dir = tempdir();
    write(
        dir.path(),
        "main.tf",
        "variable \"mfa\" {\n  default = \"OPTIONAL\"\n}\n",
    );
    write(
        dir.path(),
        "pool.tf.json",
        "{\n  \"resource\": {\n    \"aws_cognito_user_pool\": {\n      \"main\": {\n        \"mfa_configuration\": \"${var.mfa}\"\n      }\n    }\n  }\n}\n",
    );
    let out = coglint(
        dir.path(),
        &["check", "--format", "concise", "--fail-on", "high"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("pool.tf.json:5:33: COG102 [medium] MFA is optional for user pool `aws_cognito_user_pool.main`"),
        "{text}"
    );
    assert!(text.contains("pool.tf.json:4:7: COG201"), "{text}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn coglint_toml_selects_rules_sets_thresholds_and_severities() {
    let dir = tempdir();
    let template = SECURE_POOL
        .replace("MinimumLength: 14", "MinimumLength: 12")
        .replace("\"ON\"", "OPTIONAL");
    write(dir.path(), "infra/auth.yaml", template);
    // Without configuration: the length (12 < 14) and optional MFA are reported.
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    let text = stdout(&out);
    assert!(
        text.contains("COG110") && text.contains("COG102 [medium]"),
        "{text}"
    );
    // Found by walking up from the scanned path.
    write(
        dir.path(),
        "coglint.toml",
        "ignore = [\"COG3\"]\n\n[severity]\nmfa-optional = \"high\"\n\n[rules.password-too-short]\nmin-length = 12\n",
    );
    let out = coglint(dir.path(), &["check", "--format", "concise", "infra"]);
    let text = stdout(&out);
    assert_eq!(
        text,
        "infra/auth.yaml:6:25: COG102 [high] MFA is optional for user pool `UserPool`: most users will not enable it\n"
    );
    let shown = stdout(&coglint(dir.path(), &["config", "--show"]));
    // Every rule but the app-client ones (the list grows with the rules).
    let select = shown
        .lines()
        .find(|l| l.starts_with("select = ["))
        .unwrap_or_default();
    assert!(
        select.contains("\"COG101\", \"COG102\"") && !select.contains("\"COG3"),
        "{shown}"
    );
    assert!(
        shown.contains("COG102 = \"high\"") && shown.contains("min-length = 12"),
        "{shown}"
    );
}

#[test]
fn a_typo_in_coglint_toml_is_an_error_with_its_place() {
    let dir = tempdir();
    write(dir.path(), "auth.yaml", SECURE_POOL);
    write(
        dir.path(),
        "coglint.toml",
        "[rules.password-too-short]\nminimum-length = 12\n",
    );
    let out = coglint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("coglint.toml:2:1: rule `password-too-short` has no option `minimum-length` (its options: `min-length`)"),
        "{err}"
    );
    // A value the option does not take: out of its range.
    write(
        dir.path(),
        "coglint.toml",
        "[rules.password-too-short]\nmin-length = 140\n",
    );
    let out = coglint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("coglint.toml:2:14: `min-length` needs a whole number from 6 to 99, not 140"),
        "{err}"
    );
}

#[test]
fn a_retired_rule_in_coglint_toml_is_a_warning_and_the_scan_runs() {
    let dir = tempdir();
    write(dir.path(), "auth.yaml", SECURE_POOL);
    write(
        dir.path(),
        "coglint.toml",
        "ignore = [\"COG505\"]\n\n[severity]\nrecovery-without-verified-attributes = \"low\"\n",
    );
    let out = coglint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<_> = err.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(
        warnings[0].ends_with("coglint.toml:1:11: warning: `COG505` names COG505 (recovery-without-verified-attributes), which was retired (Cognito never sends a reset code to an unverified address); it has no effect, remove it (`coglint rule COG505` says why)"),
        "{err}"
    );
    assert!(
        warnings[1].contains(
            "coglint.toml:4:1: warning: `recovery-without-verified-attributes` names COG505"
        ),
        "{err}"
    );
}

#[test]
fn samconfig_environments_are_chosen_with_config_env() {
    let dir = tempdir();
    write(
        dir.path(),
        "template.yaml",
        "Parameters:\n  Mfa:\n    Type: String\n    Default: \"ON\"\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !Ref Mfa\n      EnabledMfas: [SOFTWARE_TOKEN_MFA]\n",
    );
    write(
        dir.path(),
        "samconfig.toml",
        "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = \"Mfa=OFF\"\n[prod.deploy.parameters]\nparameter_overrides = \"Mfa=ON\"\n",
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "concise"];
        args.extend_from_slice(extra);
        stdout(&coglint(dir.path(), &args))
    };
    let default = run(&[]);
    assert!(
        default.contains("template.yaml:9:25: COG101"),
        "the default environment's Mfa=OFF decides MFA:\n{default}"
    );
    let prod = run(&["--config-env", "prod"]);
    assert!(!prod.contains("COG101"), "{prod}");
    let staging = run(&["--config-env", "staging"]);
    assert!(
        !staging.contains("COG101"),
        "an environment samconfig does not name leaves the template's default:\n{staging}"
    );
}

#[test]
fn config_show_lists_parameters_mappings() {
    let dir = tempdir();
    write(dir.path(), "params/prod.json", "{\"Mfa\": \"ON\"}");
    write(
        dir.path(),
        "coglint.toml",
        "[[parameters]]\ntemplates = \"stacks/*.yaml\"\nfile = \"params/prod.json\"\n",
    );
    let out = coglint(dir.path(), &["config", "--show"]);
    let text = stdout(&out);
    assert!(
        text.contains("[[parameters]]\ntemplates = \"stacks/*.yaml\""),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_recommended_set_runs_by_default_and_hardening_is_selected() {
    let dir = tempdir();
    write(
        dir.path(),
        "pool.yaml",
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: only-a-name\n",
    );
    let codes = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "concise"];
        all.extend_from_slice(args);
        stdout(&coglint(dir.path(), &all))
            .lines()
            .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
            .collect()
    };
    let default = codes(&[]);
    assert!(default.contains(&"COG101".to_string()), "{default:?}");
    // COG113 (password history) and COG602 (WAF) are in the hardening group.
    assert!(
        !default.iter().any(|c| c == "COG113" || c == "COG602"),
        "{default:?}"
    );
    let hardening = codes(&["--select", "hardening", "--ignore", "COG602"]);
    assert!(hardening.contains(&"COG113".to_string()), "{hardening:?}");
    assert!(!hardening.contains(&"COG602".to_string()), "{hardening:?}");
    let out = coglint(dir.path(), &["check", "--select", "COG999"]);
    assert_eq!(out.status.code(), Some(2));

    write(dir.path(), "coglint.toml", "select = [\"COG602\"]\n");
    let rules = stdout(&coglint(dir.path(), &["rules"]));
    let line = |code: &str| {
        rules
            .lines()
            .find(|l| l.starts_with(code))
            .map(|l| l.split_whitespace().take(5).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    assert_eq!(
        line("COG602"),
        "COG602 no-waf-association medium hardening on"
    );
    assert_eq!(line("COG603"), "COG603 no-log-delivery low hardening off");
    assert_eq!(line("COG101"), "COG101 mfa-off high recommended on");
}

#[test]
fn a_terraform_syntax_error_is_reported_once() {
    let dir = tempdir();
    write(
        dir.path(),
        "infra/a.tf",
        "resource \"aws_cognito_user_pool\" \"a\" {\n  name = \"a\"\n",
    );
    write(
        dir.path(),
        "infra/b.tf",
        "resource \"aws_cognito_user_pool\" \"b\" {\n  name = \"b\"\n}\n",
    );
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    let text = stdout(&out);
    // The module is still checked with its other file, and the broken file is read once.
    assert_eq!(text.matches("error[syntax-error]").count(), 1, "{text}");
    assert!(text.contains("infra/b.tf:1:1: COG101"), "{text}");
    assert_eq!(out.status.code(), Some(2));
}

//! CDK cloud assemblies, synthesized by the real CDK from the apps in testdata/cdk/ (see its
//! README; `regenerate.sh` refreshes them). The tests read the committed `cdk.out` only.

mod common;

use common::{coglint, root, stdout, tempdir, write};

fn concise(args: &[&str]) -> Vec<String> {
    // These tests are about reading assemblies: every rule, whatever its group.
    let mut all = vec!["check", "--format", "concise", "--select", "all"];
    all.extend_from_slice(args);
    let out = coglint(&root(), &all);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_plain_stack_is_found_in_the_app_directory_and_named_by_construct_path() {
    let lines = concise(&["testdata/cdk/plain-stack"]);
    let t = "testdata/cdk/plain-stack/cdk.out/AuthStack.template.json";
    assert_eq!(
        lines,
        vec![
            format!("{t}:3:3: COG101 [high] MFA is off for user pool `AuthStack/UserPool`"),
            format!("{t}:3:3: COG110 [medium] user pool `AuthStack/UserPool` accepts passwords of 8 characters (threshold: 14)"),
            format!("{t}:3:3: COG112 [low] temporary passwords of user pool `AuthStack/UserPool` stay valid for 7 days (threshold: 1)"),
            format!("{t}:3:3: COG113 [low] users of user pool `AuthStack/UserPool` can reuse any previous password (threshold: 12)"),
            format!("{t}:3:3: COG201 [high] threat protection is off for user pool `AuthStack/UserPool`"),
            format!("{t}:3:3: COG504 [low] usernames of user pool `AuthStack/UserPool` are case sensitive: `Alice` and `alice` can be two accounts"),
            format!("{t}:3:3: COG601 [medium] user pool `AuthStack/UserPool` can be deleted with all its users: deletion protection is off"),
            format!("{t}:3:3: COG602 [medium] user pool `AuthStack/UserPool` has no WAF web ACL association in the scanned files; if WAF is attached elsewhere, add `ignore = [\"no-waf-association\"]` to coglint.toml"),
            format!("{t}:3:3: COG603 [low] the logs of user pool `AuthStack/UserPool` are not exported: no log delivery configuration in the scanned files names it; if that is done elsewhere, add `ignore = [\"no-log-delivery\"]` to coglint.toml"),
            // The CDK's default recovery puts the phone first, but the pool has no SMS
            // configuration: codes go by email, so COG502 has nothing to report.
            format!("{t}:37:3: COG302 [medium] app client `AuthStack/UserPool/WebClient` reveals whether a user exists: accounts can be enumerated"),
            format!("{t}:37:3: COG306 [low] refresh tokens of app client `AuthStack/UserPool/WebClient` stay valid for 30 days (threshold: 7 days)"),
            format!("{t}:37:3: COG308 [low] app client `AuthStack/UserPool/WebClient` does not rotate refresh tokens: a stolen one stays usable next to the user's"),
            format!("{t}:41:6: COG301 [high] app client `AuthStack/UserPool/WebClient` allows the implicit grant: tokens are returned in the URL"),
            // The CDK's defaults for an app client: every OAuth scope, and example.com.
            format!("{t}:50:6: COG310 [low] app client `AuthStack/UserPool/WebClient` grants `aws.cognito.signin.user.admin`: its access tokens can read and change the user's own profile"),
            format!("{t}:53:6: COG309 [low] app client `AuthStack/UserPool/WebClient` redirects to the placeholder domain example.com (callback URL)"),
            format!("{t}:66:3: COG306 [low] refresh tokens of app client `AuthStack/UserPool/SecureClient` stay valid for 30 days (threshold: 7 days)"),
            format!("{t}:66:3: COG308 [low] app client `AuthStack/UserPool/SecureClient` does not rotate refresh tokens: a stolen one stays usable next to the user's"),
            format!("{t}:78:6: COG310 [low] app client `AuthStack/UserPool/SecureClient` grants `aws.cognito.signin.user.admin`: its access tokens can read and change the user's own profile"),
            format!("{t}:81:6: COG309 [low] app client `AuthStack/UserPool/SecureClient` redirects to the placeholder domain example.com (callback URL)"),
        ]
    );
    // The same when the assembly itself is named.
    assert_eq!(concise(&["testdata/cdk/plain-stack/cdk.out"]), lines);
}

#[test]
fn stages_are_followed_and_each_template_is_read_once() {
    let lines = concise(&[
        "testdata/cdk/stage",
        "testdata/cdk/stage/cdk.out",
        "testdata/cdk/stage/cdk.out/assembly-Prod",
    ]);
    let api = lines
        .iter()
        .filter(|l| l.contains("ProdProdApiEA5EFFF0.template.json"))
        .count();
    let auth = lines
        .iter()
        .filter(|l| l.contains("ProdProdAuthFA6EE8E1.template.json"))
        .count();
    assert_eq!((api, auth), (11, 10), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("COG102") && l.contains("`Prod/ProdApi/ApiUserPool`")),
        "{lines:#?}"
    );
    // MFA is required in Prod/ProdAuth: no COG101 or COG102 there.
    assert!(!lines
        .iter()
        .any(|l| l.contains("ProdAuth") && (l.contains("COG101") || l.contains("COG102"))));
}

#[test]
fn nested_stack_templates_are_checked() {
    let lines = concise(&["testdata/cdk/nested-stack"]);
    let nested =
        "testdata/cdk/nested-stack/cdk.out/ParentStackAuthNestedE27B5739.nested.template.json";
    assert!(lines.contains(&format!(
        "{nested}:25:30: COG202 [high] threat protection of user pool `ParentStack/AuthNested/UserPool` only audits: risky sign-ins are logged, not blocked"
    )), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{nested}:45:6: COG301"))),
        "{lines:#?}"
    );
}

#[test]
fn creation_stack_traces_point_at_the_users_source() {
    let lines = concise(&["testdata/cdk/stack-traces"]);
    let source = "testdata/cdk/stack-traces/lib/auth-stack.ts";
    assert!(lines.contains(&format!(
        "{source}:13:14: COG301 [high] app client `AuthStack/UserPool/WebClient` allows the implicit grant: tokens are returned in the URL"
    )), "{lines:#?}");
    assert!(lines.iter().all(|l| l.starts_with(source)), "{lines:#?}");
    let out = coglint(
        &root(),
        &["check", "--format", "json", "testdata/cdk/stack-traces"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let finding = json["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["code"] == "COG301"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        finding["resource"]["logical_path"],
        "AuthStack/UserPool/WebClient/Resource"
    );
    assert_eq!(
        finding["cdk_help"],
        "oAuth: { flows: { authorizationCodeGrant: true, implicitCodeGrant: false } }"
    );
    let related = &finding["related"][0];
    assert_eq!(
        related["location"]["path"],
        "testdata/cdk/stack-traces/cdk.out/AuthStack.template.json"
    );
    assert_eq!(related["location"]["start"]["line"], 41);
}

#[test]
fn a_git_ignored_cdk_out_is_found_from_the_project_root() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = dir.path();
    let assembly = root().join("testdata/cdk/plain-stack/cdk.out");
    std::fs::create_dir_all(app.join("cdk.out")).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir(&assembly)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        std::fs::copy(entry.path(), app.join("cdk.out").join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(app.join(".gitignore"), "cdk.out\nnode_modules\n")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(app.join("cdk.json"), "{\"app\": \"npx tsx app.ts\"}")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = coglint(app, &["check", "--format", "sarif", "--select", "all"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let results = sarif["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(results.len(), 19);
    let names: Vec<String> = results
        .iter()
        .map(|r| {
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert!(
        names.contains(&"AuthStack/UserPool/WebClient/Resource".to_string()),
        "{names:?}"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "cdk.out/AuthStack.template.json"
    );
}

#[test]
fn human_report_of_a_traced_construct() {
    let out = coglint(
        &root(),
        &[
            "check",
            "--color",
            "never",
            "--select",
            "all",
            "testdata/cdk/stack-traces",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("testdata/cdk/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("stack-traces", text));
}

/// A cdk.out whose manifest lists no stack, beside a template of an earlier synth.
fn app_with_a_stray_template(template: &str) -> tempfile::TempDir {
    let dir = common::tempdir();
    common::write(
        dir.path(),
        "cdk.out/manifest.json",
        r#"{"version": "55.0.0", "artifacts": {}}"#,
    );
    common::write(dir.path(), "cdk.out/OldStack.template.json", template);
    dir
}

#[test]
fn an_unlisted_template_is_a_warning_that_leaves_the_exit_code_to_findings() {
    let quiet = r#"{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}"#;
    let dir = app_with_a_stray_template(quiet);
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(
        common::stdout(&out),
        "cdk.out/OldStack.template.json: warning[unlisted-template] not listed in cdk.out/manifest.json (left by an earlier synth?); checked as a plain CloudFormation template\n"
    );
    assert_eq!(out.status.code(), Some(0));

    let open = r#"{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool",
        "Properties": {"MfaConfiguration": "OFF"}}}}"#;
    let dir = app_with_a_stray_template(open);
    let out = coglint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(json["problems"][0]["kind"], "unlisted-template");
    assert_eq!(json["problems"][0]["level"], "warning");
    assert_eq!(
        json["problems"][0]["path"],
        "cdk.out/OldStack.template.json"
    );
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f["code"].as_str()).collect())
        .unwrap_or_default();
    assert!(codes.contains(&"COG101"), "{codes:?}");

    let out = coglint(dir.path(), &["check", "--color", "never"]);
    let text = common::stdout(&out);
    assert!(
        text.contains("⚠ cdk.out/OldStack.template.json: not listed in cdk.out/manifest.json"),
        "{text}"
    );
}

#[test]
fn a_stage_assembly_named_directly_still_leads_to_the_users_source() {
    // testdata/projects/cdk/stage-traces: traces of /home/someone/app, found again in the app
    // that holds cdk.out, above the stage's assembly-Prod.
    let lines = concise(&["testdata/projects/cdk/stage-traces/cdk.out/assembly-Prod"]);
    assert!(lines.contains(&
        "testdata/projects/cdk/stage-traces/lib/auth-stack.ts:12:5: COG101 [high] MFA is off for user pool `Prod/AuthStack/UserPool`".to_string()
    ), "{lines:#?}");
}

#[test]
fn an_amplify_gen2_assembly_is_found_in_a_monorepo_package() {
    // .amplify is hidden and git-ignored; the walk meets the package's package.json.
    let dir = common::tempdir();
    let assembly =
        root().join("testdata/projects/cdk/amplify-gen2-sandbox/.amplify/artifacts/cdk.out");
    let package = dir.path().join("packages/web");
    for entry in std::fs::read_dir(&assembly)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let text = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        let name = entry.file_name().to_string_lossy().into_owned();
        common::write(
            &package,
            &format!(".amplify/artifacts/cdk.out/{name}"),
            text,
        );
    }
    common::write(dir.path(), ".gitignore", ".amplify\nnode_modules\n");
    common::write(&package, "package.json", "{\"name\": \"web\"}");
    let out = coglint(dir.path(), &["check", "--format", "concise"]);
    let text = common::stdout(&out);
    assert!(
        text.contains("packages/web/.amplify/artifacts/cdk.out/amplifyappsomeonesandboxabc1234567auth1A2B3C4D.nested.template.json:3:3: COG101 [high] MFA is off for user pool `amplify-app-someone-sandbox-abc1234567/auth/amplifyAuth/UserPool`"),
        "{text}"
    );
    assert!(!text.contains("unlisted-template"), "{text}");
}

#[test]
fn a_manifest_naming_a_template_outside_the_tree_reads_nothing() {
    let dir = tempdir();
    // Outside the scanned directory: a template that must never be read or printed.
    write(
        dir.path(),
        "secret/Secret.template.json",
        r#"{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool", "Properties": {"UserPoolName": "TOP-SECRET-NAME"}}}}"#,
    );
    write(
        dir.path(),
        "app/cdk.out/manifest.json",
        r#"{"version": "55.0.0", "artifacts": {"Evil": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "../../secret/Secret.template.json"}}}}"#,
    );
    let out = coglint(
        &dir.path().join("app"),
        &["check", ".", "--format", "concise"],
    );
    let text = stdout(&out);
    assert!(text.contains("error[outside-roots]"), "{text}");
    assert!(!text.contains("TOP-SECRET-NAME"), "{text}");
    assert!(
        !text.contains("COG101"),
        "the template outside was checked:\n{text}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_is_the_same_from_run_to_run_with_several_traced_sources() {
    // Source files that creation traces point into get their ids in a fixed order; an order
    // taken from a hash map made findings swap places between runs of the same binary.
    let run = || {
        let out = coglint(
            &root(),
            &[
                "check",
                "--format",
                "json",
                "--select",
                "all",
                "testdata/cdk/stack-traces",
                "testdata/projects/cdk/stage-traces",
            ],
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = run();
    assert!(first.contains("auth-stack.ts"), "{first}");
    for _ in 0..29 {
        assert_eq!(run(), first);
    }
}

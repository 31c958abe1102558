//! Rules that look for a resource attached to a user pool anywhere in the unit (a WAF web ACL
//! association, a log delivery configuration) read a Terraform module as a whole: these
//! directories put the pool and what is attached to it in different files, or behind a module
//! output. Also the severity COG501 takes when an identity pool trusts the user pool.

mod common;

use coglint_linter::ScanResult;
use coglint_rules::Severity;
use common::{located_resources, scan_with_rule as run, Alone};

fn findings(result: &ScanResult) -> Vec<(String, u32, String)> {
    located_resources(result)
}

#[test]
fn a_waf_association_in_another_file_of_the_module_protects_the_pool() {
    let result = run("COG602", "testdata/rules/no-waf-association/module");
    assert_eq!(result.terraform_modules, 1);
    assert_eq!(
        findings(&result),
        vec![(
            "main.tf".to_string(),
            6,
            "aws_cognito_user_pool.fail_unprotected".to_string()
        )]
    );
}

#[test]
fn a_waf_association_through_a_module_output_leaves_the_pool_undecided() {
    let result = run("COG602", "testdata/rules/no-waf-association/module_output");
    assert_eq!(findings(&result), Vec::new());
    assert!(
        result
            .unknowns
            .iter()
            .any(|u| u.rule == "COG602" && u.resource == "module.auth.aws_cognito_user_pool.main"),
        "{:?}",
        result.unknowns
    );
}

#[test]
fn a_log_delivery_configuration_in_another_file_of_the_module_exports_the_pool_logs() {
    let result = run("COG603", "testdata/rules/no-log-delivery/module");
    assert_eq!(result.terraform_modules, 1);
    assert_eq!(
        findings(&result),
        vec![(
            "main.tf".to_string(),
            6,
            "aws_cognito_user_pool.fail_not_logged".to_string()
        )]
    );
}

#[test]
fn self_sign_up_is_medium_only_behind_an_identity_pool() {
    for fixture in ["fail.yaml", "fail.json", "fail.tf"] {
        let case = Alone::new(
            &common::root()
                .join("testdata/rules/self-sign-up-enabled")
                .join(fixture),
        );
        let result = run("COG501", &case.path.display().to_string());
        assert!(!result.findings.is_empty(), "{fixture}");
        for finding in &result.findings {
            let behind = finding.resource.contains("BehindIdentityPool")
                || finding.resource.contains("behind_identity_pool");
            let want = if behind {
                Severity::Medium
            } else {
                Severity::Low
            };
            assert_eq!(finding.severity, want, "{fixture}: {}", finding.resource);
        }
    }
}

#[test]
fn a_pool_handed_to_a_nested_stack_is_undecided_not_flagged() {
    for code in ["COG602", "COG603"] {
        let result = run(code, "testdata/rules/no-waf-association/nested");
        assert_eq!(
            findings(&result),
            vec![("parent.yaml".to_string(), 11, "KeptPool".to_string())],
            "{code}"
        );
        assert!(
            result.unknowns.iter().any(
                |u| u.resource == "HandedOnPool" && u.reason.contains("handed to stack `Edge`")
            ),
            "{code}: {:?}",
            result.unknowns
        );
    }
}

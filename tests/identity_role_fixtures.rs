//! Identity pool roles whose parts are spread over a Terraform module: the harness reads
//! `testdata/rules/<rule>/*.tf` as one module, so this directory shows a role, its trust policy
//! and its permissions in one file and the identity pool that hands it out in another.

mod common;

use coglint_linter::ScanResult;
use coglint_rules::Severity;
use common::{located, scan_with_rule as run};

fn findings(result: &ScanResult) -> Vec<(String, u32, String, Severity)> {
    located(result)
}

#[test]
fn a_guest_role_handed_out_from_another_file_is_judged_with_its_policies() {
    let result = run("COG405", "testdata/rules/identity-role-too-broad/module");
    assert_eq!(result.terraform_modules, 1);
    assert_eq!(
        findings(&result),
        vec![(
            "roles.tf".to_string(),
            28,
            "aws_iam_role.fail_guest".to_string(),
            Severity::Critical
        )]
    );
}

#[test]
fn a_trust_policy_from_a_policy_document_data_source_is_read() {
    for code in ["COG403", "COG404"] {
        let result = run(code, "testdata/rules/identity-role-too-broad/module");
        assert_eq!(findings(&result), Vec::new(), "{code}");
        assert!(result.unknowns.is_empty(), "{code}: {:?}", result.unknowns);
    }
}

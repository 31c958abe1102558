//! Identity pool roles whose parts are spread over a Terraform module: the harness reads
//! `testdata/rules/<rule>/*.tf` as one module, so this directory shows a role, its trust policy
//! and its permissions in one file and the identity pool that hands it out in another.

use std::path::Path;

use coglint_linter::{scan, ScanOptions, ScanResult};
use coglint_rules::{find_rule, Severity};

fn run(code: &str, path: &str) -> ScanResult {
    let rule = find_rule(code).unwrap_or_else(|| panic!("no rule {code}"));
    let result = scan(&ScanOptions {
        paths: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(path)],
        rules: vec![rule],
        ..ScanOptions::default()
    });
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    result
}

/// `(file name, line, resource, severity)` of each finding.
fn findings(result: &ScanResult) -> Vec<(String, u32, String, Severity)> {
    result
        .findings
        .iter()
        .map(|f| {
            let source = result.sources.get(f.primary.span.file);
            let name = source
                .and_then(|s| s.path().file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let line = source
                .map(|s| s.line_col(f.primary.span.range.start).line)
                .unwrap_or_default();
            (name, line, f.resource.clone(), f.severity)
        })
        .collect()
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

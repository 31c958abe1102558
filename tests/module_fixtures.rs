//! Fixtures of rules that relate resources across the files of one Terraform module: the fixture
//! harness reads `testdata/rules/<rule>/*.tf` as one module, so a directory of its own shows a
//! resource in one file seen from another (an API and its pool, an SMS role, a risk
//! configuration and its pool, a client and its pool's schema).

mod common;

use common::{located_resources, scan_with_rule};

/// `(file name, line, resource)` of each finding of rule `code` in the module at `dir`.
fn findings(code: &str, dir: &str) -> Vec<(String, u32, String)> {
    let result = scan_with_rule(code, dir);
    assert_eq!(
        result.terraform_modules, 1,
        "{dir} is not read as one module"
    );
    located_resources(&result)
}

#[test]
fn an_open_method_is_flagged_when_the_user_pool_is_in_another_file_of_the_module() {
    assert_eq!(
        findings(
            "COG607",
            "testdata/rules/api-without-cognito-authorizer/module"
        ),
        vec![(
            "api.tf".to_string(),
            7,
            "aws_api_gateway_method.fail_open_orders".to_string()
        )]
    );
}

#[test]
fn an_open_method_in_a_module_without_a_user_pool_is_not_flagged() {
    assert_eq!(
        findings(
            "COG607",
            "testdata/rules/api-without-cognito-authorizer/module_without_pool"
        ),
        Vec::new()
    );
}

#[test]
fn an_sms_role_in_another_file_of_the_module_is_read_for_its_trust_policy() {
    let dir = "testdata/rules/sms-role-without-external-id/module";
    // One finding per SMS configuration, at the pool, the role's trust statement related.
    assert_eq!(
        findings("COG606", dir),
        vec![(
            "cognito.tf".to_string(),
            7,
            "aws_cognito_user_pool.fail_main".to_string()
        )]
    );
    let result = scan_with_rule("COG606", dir);
    let related: Vec<(String, u32)> = result
        .findings
        .iter()
        .flat_map(|f| &f.secondary)
        .filter_map(|label| {
            let source = result.sources.get(label.span.file)?;
            let name = source.path().file_name()?.to_string_lossy().into_owned();
            Some((name, source.line_col(label.span.range.start).line))
        })
        .collect();
    assert_eq!(related, vec![("iam.tf".to_string(), 9)]);
}

#[test]
fn a_risk_configuration_is_judged_by_its_pool_in_another_file() {
    assert_eq!(
        findings(
            "COG208",
            "testdata/rules/risk-configuration-without-effect/module"
        ),
        vec![(
            "risk.tf".to_string(),
            4,
            "aws_cognito_risk_configuration.fail_pool_audit".to_string()
        )]
    );
}

#[test]
fn a_client_is_judged_by_the_schema_of_its_pool_in_another_file() {
    assert_eq!(
        findings(
            "COG311",
            "testdata/rules/client-writes-authorization-attribute/module"
        ),
        vec![(
            "clients.tf".to_string(),
            6,
            "aws_cognito_user_pool_client.fail_writes_tenant".to_string()
        )]
    );
}

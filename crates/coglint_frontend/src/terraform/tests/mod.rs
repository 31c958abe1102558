//! Evaluation tests: modules in, model fields out.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_model::{
    AdvancedSecurityMode, MfaConfiguration, Model, OAuthFlow, Provenance, TokenUnit, TokenValidity,
    Value,
};
use coglint_source::FileId;
use coglint_syntax::Limits;

use super::{lower_root, Modules, RootInputs, TfFile, VarFile};
use crate::test_support::values;

mod blocks;
mod reading;

fn file(id: u32, path: &str, text: &str) -> TfFile {
    match TfFile::parse_hcl(
        FileId(id),
        PathBuf::from(path),
        Arc::from(text),
        Limits::default(),
    ) {
        Ok(file) => file,
        Err(e) => panic!("{path}: {e:?}"),
    }
}

fn lower(files: &[TfFile], var_files: &[&TfFile], vars: &[(&str, &str)]) -> Model {
    let mut modules: Modules<'_> = Modules::default();
    for f in files {
        let dir = f.path.parent().map(Path::to_path_buf).unwrap_or_default();
        modules.files.entry(dir).or_default().push(f);
    }
    let inputs = RootInputs {
        var_files: var_files.iter().map(|f| VarFile::Parsed(f)).collect(),
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        remote_modules: Default::default(),
    };
    lower_root(Path::new("root"), &modules, &inputs)
}

fn slice<'t>(text: &'t str, p: &Provenance) -> &'t str {
    &text[p.primary().range.as_usize()]
}

const POOL_WITH_VARS: &str = r#"
variable "mfa" {
  type    = string
  default = "OFF"
}

resource "aws_cognito_user_pool" "main" {
  name              = "users"
  mfa_configuration = var.mfa
}
"#;

#[test]
fn omitted_attributes_take_defaults_at_the_resource_header() {
    let text = "resource \"aws_cognito_user_pool\" \"main\" {\n  name = \"users\"\n}\n";
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let pool = &m.user_pools[0];
    assert_eq!(pool.meta.name, "aws_cognito_user_pool.main");
    assert_eq!(pool.mfa_configuration.known(), Some(&MfaConfiguration::Off));
    let alt = &pool.password_policy.minimum_length.alternatives()[0];
    assert_eq!(
        slice(text, &alt.provenance),
        "resource \"aws_cognito_user_pool\" \"main\""
    );
    match &alt.provenance {
        Provenance::Default { property, .. } => {
            assert_eq!(property, "password_policy.minimum_length")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn variables_take_tfvars_over_defaults_and_cli_over_both() {
    let main = file(0, "root/main.tf", POOL_WITH_VARS);
    let m = lower(std::slice::from_ref(&main), &[], &[]);
    let f = &m.user_pools[0].mfa_configuration;
    assert_eq!(values(f), vec!["Off"]);
    match &f.alternatives()[0].provenance {
        Provenance::Parameter {
            at, name, value_at, ..
        } => {
            assert_eq!(&POOL_WITH_VARS[at.range.as_usize()], "var.mfa");
            assert_eq!(name, "mfa");
            assert_eq!(
                value_at.map(|v| &POOL_WITH_VARS[v.range.as_usize()]),
                Some("\"OFF\"")
            );
        }
        other => panic!("{other:?}"),
    }
    let tfvars = file(1, "root/terraform.tfvars", "mfa = \"OPTIONAL\"\n");
    let auto = file(2, "root/b.auto.tfvars", "mfa = \"ON\"\n");
    let m = lower(std::slice::from_ref(&main), &[&tfvars], &[]);
    assert_eq!(values(&m.user_pools[0].mfa_configuration), vec!["Optional"]);
    let m = lower(std::slice::from_ref(&main), &[&tfvars, &auto], &[]);
    assert_eq!(values(&m.user_pools[0].mfa_configuration), vec!["On"]);
    let m = lower(&[main], &[&tfvars, &auto], &[("mfa", "off")]);
    assert_eq!(values(&m.user_pools[0].mfa_configuration), vec!["Off"]);
}

#[test]
fn a_variable_without_value_is_unknown_and_conditionals_branch_on_it() {
    let text = r#"
variable "prod" { type = bool }
variable "mode" { default = "AUDIT" }
locals {
  security = var.prod ? "ENFORCED" : var.mode
}
resource "aws_cognito_user_pool" "main" {
  mfa_configuration = var.prod ? "ON" : "OPTIONAL"
  user_pool_add_ons {
    advanced_security_mode = local.security
  }
  deletion_protection = var.missing_in_module
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let pool = &m.user_pools[0];
    assert_eq!(
        values(&pool.mfa_configuration),
        vec![
            "On when condition `var.prod` is true",
            "Optional when condition `var.prod` is false"
        ]
    );
    assert_eq!(
        values(&pool.advanced_security_mode),
        vec![
            "Enforced when condition `var.prod` is true",
            "Audit when condition `var.prod` is false"
        ]
    );
    assert!(values(&pool.deletion_protection)[0]
        .starts_with("unknown: variable `missing_in_module` is not declared"));
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[("prod", "true")]);
    // A bool given with -var is not evaluated (only strings are): still both branches.
    assert_eq!(values(&m.user_pools[0].mfa_configuration).len(), 2);
}

#[test]
fn count_and_for_each_make_instances() {
    let text = r#"
resource "aws_cognito_user_pool" "none" {
  count = 0
}
resource "aws_cognito_user_pool" "two" {
  count             = 2
  mfa_configuration = count.index == 0 ? "ON" : "OFF"
}
resource "aws_cognito_user_pool_client" "app" {
  for_each     = { web = "code", spa = "implicit" }
  user_pool_id = aws_cognito_user_pool.two[0].id
  allowed_oauth_flows = [each.value]
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let names: Vec<_> = m.user_pools.iter().map(|p| p.meta.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "aws_cognito_user_pool.two[0]",
            "aws_cognito_user_pool.two[1]"
        ]
    );
    assert_eq!(values(&m.user_pools[1].mfa_configuration), vec!["Off"]);
    let clients: Vec<_> = m.clients.iter().map(|c| c.meta.name.as_str()).collect();
    assert_eq!(
        clients,
        vec![
            "aws_cognito_user_pool_client.app[\"web\"]",
            "aws_cognito_user_pool_client.app[\"spa\"]"
        ]
    );
    assert_eq!(
        m.pool_of(&m.clients[0]).map(|p| p.meta.name.as_str()),
        Some("aws_cognito_user_pool.two[0]")
    );
    let Value::Known(flows) = &m.clients[1].allowed_oauth_flows.alternatives()[0].value else {
        panic!()
    };
    assert_eq!(flows[0].value, OAuthFlow::Implicit);
}

#[test]
fn list_items_keep_their_place_and_variables_point_at_the_use() {
    let text = r#"
variable "flows" {
  type    = list(string)
  default = ["code", "implicit"]
}
resource "aws_cognito_user_pool_client" "literal" {
  allowed_oauth_flows = ["code", "implicit"]
}
resource "aws_cognito_user_pool_client" "from_var" {
  allowed_oauth_flows = var.flows
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let Value::Known(flows) = &m.clients[0].allowed_oauth_flows.alternatives()[0].value else {
        panic!()
    };
    let at = flows[1].at.map(|s| &text[s.range.as_usize()]);
    assert_eq!(at, Some("\"implicit\""));
    let Value::Known(flows) = &m.clients[1].allowed_oauth_flows.alternatives()[0].value else {
        panic!()
    };
    assert_eq!(
        flows[1].at.map(|s| &text[s.range.as_usize()]),
        Some("var.flows")
    );
}

#[test]
fn functions_locals_and_templates_are_folded() {
    let text = r#"
locals {
  settings = { mode = "enforced", days = 3 }
  mfa      = upper(lookup({ prod = "on" }, "prod", "off"))
}
resource "aws_cognito_user_pool" "main" {
  mfa_configuration = local.mfa
  user_pool_add_ons {
    advanced_security_mode = upper(local.settings.mode)
  }
  password_policy {
    minimum_length                   = length(join("", ["abcdefg", "hijklmn"]))
    temporary_password_validity_days = local.settings["days"] + 1
  }
  deletion_protection = "${upper("act")}IVE"
  user_pool_tier      = coalesce("", element(["LITE", "PLUS"], 3))
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let pool = &m.user_pools[0];
    assert_eq!(values(&pool.mfa_configuration), vec!["On"]);
    assert_eq!(values(&pool.advanced_security_mode), vec!["Enforced"]);
    assert_eq!(values(&pool.password_policy.minimum_length), vec!["14"]);
    assert_eq!(
        values(&pool.password_policy.temporary_password_validity_days),
        vec!["4"]
    );
    assert_eq!(values(&pool.deletion_protection), vec!["Active"]);
    assert_eq!(values(&pool.tier), vec!["Plus"]);
}

#[test]
fn dynamic_blocks_expand_when_known() {
    let text = r#"
variable "addons" { default = [{ mode = "AUDIT" }] }
resource "aws_cognito_user_pool" "main" {
  dynamic "user_pool_add_ons" {
    for_each = var.addons
    content {
      advanced_security_mode = user_pool_add_ons.value.mode
    }
  }
}
resource "aws_cognito_user_pool" "empty" {
  dynamic "user_pool_add_ons" {
    for_each = []
    content {
      advanced_security_mode = "ENFORCED"
    }
  }
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    assert_eq!(
        values(&m.user_pools[0].advanced_security_mode),
        vec!["Audit"]
    );
    assert_eq!(
        m.user_pools[1].advanced_security_mode.known(),
        Some(&AdvancedSecurityMode::Off)
    );
}

#[test]
fn local_modules_are_evaluated_per_call() {
    let root = r#"
module "strict" {
  source = "./modules/pool"
  mfa    = "ON"
}
module "lax" {
  source = "./modules/pool"
  mfa    = "OPTIONAL"
}
"#;
    let child = r#"
variable "mfa" { default = "OFF" }
resource "aws_cognito_user_pool" "this" {
  mfa_configuration = var.mfa
}
resource "aws_cognito_user_pool_client" "app" {
  user_pool_id = aws_cognito_user_pool.this.id
  access_token_validity = 2
}
"#;
    let m = lower(
        &[
            file(0, "root/main.tf", root),
            file(1, "root/modules/pool/main.tf", child),
        ],
        &[],
        &[],
    );
    let got: Vec<_> = m
        .user_pools
        .iter()
        .map(|p| (p.meta.name.clone(), values(&p.mfa_configuration)))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "module.strict.aws_cognito_user_pool.this".to_string(),
                vec!["On".to_string()]
            ),
            (
                "module.lax.aws_cognito_user_pool.this".to_string(),
                vec!["Optional".to_string()]
            ),
        ]
    );
    assert_eq!(
        m.pool_of(&m.clients[1]).map(|p| p.meta.name.as_str()),
        Some("module.lax.aws_cognito_user_pool.this")
    );
    assert_eq!(
        m.clients[0].access_token_validity.known(),
        Some(&TokenValidity::new(2, TokenUnit::Hours))
    );
}

#[test]
fn data_sources_and_unknown_functions_are_unknown() {
    let text = r#"
data "aws_ssm_parameter" "mfa" { name = "/auth/mfa" }
resource "aws_cognito_user_pool" "main" {
  mfa_configuration = data.aws_ssm_parameter.mfa.value
  deletion_protection = file("mode.txt")
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    assert!(values(&m.user_pools[0].mfa_configuration)[0].starts_with("unknown: a data source"));
    assert!(values(&m.user_pools[0].deletion_protection)[0].starts_with("unknown: function `file`"));
}

#[test]
fn flags_left_out_of_a_written_password_policy_are_false_as_the_provider_sends_them() {
    let text = r#"
resource "aws_cognito_user_pool" "written" {
  password_policy {
    minimum_length = 14
  }
}
resource "aws_cognito_user_pool" "omitted" {}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    assert_eq!(
        m.user_pools[0].password_policy.require_uppercase.known(),
        Some(&false)
    );
    assert_eq!(
        m.user_pools[1].password_policy.require_uppercase.known(),
        Some(&true)
    );
}

#[test]
fn indexes_that_multiply_alternatives_stop_at_the_cap() {
    // Seven indexes, each chosen by a conditional on a variable with no value: 128 paths.
    fn nested(depth: usize) -> String {
        if depth == 0 {
            return "\"OFF\"".to_string();
        }
        let inner = nested(depth - 1);
        format!("{{ x = {inner}, y = {inner} }}")
    }
    let mut text = String::new();
    for i in 0..7 {
        text.push_str(&format!("variable \"c{i}\" {{\n  type = bool\n}}\n"));
    }
    text.push_str(&format!("locals {{\n  m = {}\n}}\n", nested(7)));
    let index: String = (0..7)
        .map(|i| format!("[var.c{i} ? \"x\" : \"y\"]"))
        .collect();
    text.push_str(&format!(
        "resource \"aws_cognito_user_pool\" \"p\" {{\n  name = \"p\"\n  mfa_configuration = local.m{index}\n}}\n"
    ));
    let m = lower(&[file(0, "root/main.tf", &text)], &[], &[]);
    let mfa = m.user_pools[0].mfa_configuration.alternatives();
    assert_eq!(mfa.len(), 1, "{}", mfa.len());
    match &mfa[0].value {
        Value::Unknown(u) => assert!(u.reason.contains("too many scenarios"), "{}", u.reason),
        other => panic!("{other:?}"),
    }
}

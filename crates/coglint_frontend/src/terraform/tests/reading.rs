//! Terraform as Terraform reads it: duplicate object keys, unknowns through `try`, `can` and
//! the functions that choose among their arguments, and modules with a file that could not be
//! parsed.

use super::*;
use coglint_model::Unread;

#[test]
fn the_last_of_duplicate_object_keys_wins() {
    let text = r#"
locals {
  security = { mode = "ENFORCED", tier = "PLUS", mode = "AUDIT" }
  quoted   = { mode = "AUDIT", "mode" = "ENFORCED" }
}
resource "aws_cognito_user_pool" "a" {
  user_pool_add_ons {
    advanced_security_mode = local.security.mode
  }
}
resource "aws_cognito_user_pool" "b" {
  user_pool_add_ons {
    advanced_security_mode = local.quoted.mode
  }
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let audit = &m.user_pools[0].advanced_security_mode;
    assert_eq!(values(audit), vec!["Audit"]);
    // Located at the value of the later key.
    let at = audit.alternatives()[0].provenance.primary().range.start as usize;
    assert_eq!(at, text.rfind("\"AUDIT\" }").unwrap_or_default());
    assert_eq!(
        values(&m.user_pools[1].advanced_security_mode),
        vec!["Enforced"]
    );
}

#[test]
fn try_over_an_unknown_for_each_is_unknown_not_its_fallback() {
    let text = r#"
variable "clients" {
  type = map(any)
}
resource "aws_cognito_user_pool_client" "app" {
  for_each                      = var.clients
  user_pool_id                  = "eu-west-1_abc"
  prevent_user_existence_errors = try(each.value.prevent_errors, null)
  enable_token_revocation       = can(each.value.revocation) ? each.value.revocation : true
  allowed_oauth_flows           = coalesce(each.value.flows, ["code"])
  callback_urls                 = lookup(each.value, "callbacks", [])
  logout_urls                   = try(each.value.enabled ? ["https://a.example"] : [], [])
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let client = &m.clients[0];
    let unknown = |v: Vec<String>| v.len() == 1 && v[0].starts_with("unknown: ");
    assert!(
        unknown(values(&client.prevent_user_existence_errors)),
        "{:?}",
        values(&client.prevent_user_existence_errors)
    );
    assert!(
        values(&client.prevent_user_existence_errors)[0]
            .contains("`for_each` is known only at plan time"),
        "{:?}",
        values(&client.prevent_user_existence_errors)
    );
    // `can` of an unknown is unknown: the conditional takes both branches, neither silently.
    assert_eq!(
        values(&client.enable_token_revocation),
        vec![
            "unknown: `for_each` is known only at plan time",
            "true when condition `can(each.value.revocation)` is false"
        ]
    );
    assert!(unknown(values(&client.allowed_oauth_flows)));
    assert!(unknown(values(&client.callback_urls)));
    // A conditional on an unknown inside `try`: each branch in its scenario, never only one.
    assert_eq!(
        values(&client.logout_urls).len(),
        2,
        "{:?}",
        values(&client.logout_urls)
    );
    assert!(values(&client.logout_urls)[0].ends_with("when condition `each.value.enabled` is true"));
}

#[test]
fn try_and_can_catch_errors_of_known_values() {
    let text = r#"
locals {
  client = { prevent_errors = "ENABLED", flows = ["implicit"] }
  empty  = {}
  list   = ["code"]
}
resource "aws_cognito_user_pool_client" "app" {
  user_pool_id                  = "eu-west-1_abc"
  prevent_user_existence_errors = try(local.empty.prevent_errors, local.client.prevent_errors)
  enable_token_revocation       = can(local.empty.revocation) ? local.empty.revocation : false
  allowed_oauth_flows           = try(local.client.flows, ["code"])
  callback_urls                 = try([local.list[3]], ["https://a.example"])
  logout_urls                   = try(local.empty.urls, local.client.urls)
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let client = &m.clients[0];
    assert_eq!(
        values(&client.prevent_user_existence_errors),
        vec!["Enabled"]
    );
    assert_eq!(values(&client.enable_token_revocation), vec!["false"]);
    let Value::Known(flows) = &client.allowed_oauth_flows.alternatives()[0].value else {
        panic!("{:?}", values(&client.allowed_oauth_flows));
    };
    assert_eq!(flows[0].value, OAuthFlow::Implicit);
    let Value::Known(urls) = &client.callback_urls.alternatives()[0].value else {
        panic!("{:?}", values(&client.callback_urls));
    };
    assert_eq!(urls[0].value, "https://a.example");
    // Every argument fails: Terraform stops, and the value is unknown.
    assert!(values(&client.logout_urls)[0].starts_with("unknown: every argument of `try` fails"));
}

#[test]
fn coalesce_lookup_and_merge_are_unknown_only_where_an_unknown_decides() {
    let text = r#"
variable "unset" {}
variable "settings" {
  default = { mode = "AUDIT", tier = "PLUS" }
}
resource "aws_cognito_user_pool" "a" {
  mfa_configuration = coalesce(var.unset, "OFF")
  user_pool_add_ons {
    advanced_security_mode = lookup(var.unset, "mode", "OFF")
  }
}
resource "aws_cognito_user_pool" "b" {
  mfa_configuration = coalesce(null, "", "ON", var.unset)
  user_pool_add_ons {
    advanced_security_mode = lookup(var.settings, var.unset, "OFF")
  }
}
resource "aws_cognito_user_pool" "c" {
  mfa_configuration = lookup(var.settings, "mfa", "OPTIONAL")
  user_pool_add_ons {
    advanced_security_mode = merge(var.settings, var.unset).mode
  }
}
resource "aws_cognito_user_pool" "d" {
  user_pool_add_ons {
    advanced_security_mode = merge(var.settings, { tier = var.unset }).mode
  }
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let pool = |i: usize| &m.user_pools[i];
    let unknown = |v: Vec<String>| v.len() == 1 && v[0].starts_with("unknown: ");
    assert!(unknown(values(&pool(0).mfa_configuration)));
    assert!(unknown(values(&pool(0).advanced_security_mode)));
    assert_eq!(values(&pool(1).mfa_configuration), vec!["On"]);
    assert!(unknown(values(&pool(1).advanced_security_mode)));
    assert_eq!(values(&pool(2).mfa_configuration), vec!["Optional"]);
    // A map merged with an unknown may have any key: unknown.
    assert!(unknown(values(&pool(2).advanced_security_mode)));
    // An unknown value under another key does not touch `mode`.
    assert_eq!(values(&pool(3).advanced_security_mode), vec!["Audit"]);
}

/// Lowers the root `root` with `lost` files that could not be parsed, by module directory.
fn lower_with_lost(
    files: &[TfFile],
    lost: &[&str],
    var_files: Vec<VarFile<'_>>,
    vars: &[(&str, &str)],
) -> Model {
    let mut modules: Modules<'_> = Modules::default();
    for f in files {
        let dir = f.path.parent().map(Path::to_path_buf).unwrap_or_default();
        modules.files.entry(dir).or_default().push(f);
    }
    for path in lost {
        let path = PathBuf::from(path);
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        modules.unparsed.entry(dir).or_default().push(path);
    }
    let inputs = RootInputs {
        var_files,
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        remote_modules: Default::default(),
    };
    lower_root(Path::new("root"), &modules, &inputs)
}

#[test]
fn what_a_file_that_could_not_be_parsed_may_declare_is_unknown() {
    let root = r#"
module "auth" {
  source                 = "./modules/pool"
  advanced_security_mode = "ENFORCED"
}
"#;
    // `variables.tf` and `locals.tf` of the module could not be parsed.
    let pool = r#"
resource "aws_cognito_user_pool" "main" {
  mfa_configuration = local.mfa
  user_pool_add_ons {
    advanced_security_mode = var.advanced_security_mode
  }
  deletion_protection = try(var.deletion_protection, "INACTIVE")
}
resource "aws_cognito_user_pool_client" "app" {
  user_pool_id = aws_cognito_user_pool.other.id
}
"#;
    let m = lower_with_lost(
        &[
            file(0, "root/main.tf", root),
            file(1, "root/modules/pool/main.tf", pool),
        ],
        &[
            "root/modules/pool/variables.tf",
            "root/modules/pool/locals.tf",
        ],
        Vec::new(),
        &[],
    );
    let pool = &m.user_pools[0];
    assert_eq!(
        values(&pool.mfa_configuration),
        vec!["unknown: `local.mfa` is not declared in the files that could be parsed; it may be in one of `variables.tf`, `locals.tf`, which could not"]
    );
    // The caller's value for a variable the module may declare in the lost file is its value.
    assert_eq!(values(&pool.advanced_security_mode), vec!["Enforced"]);
    // Not given by the caller: unknown, and `try` does not take its fallback.
    assert!(values(&pool.deletion_protection)[0].starts_with(
        "unknown: `try`: variable `deletion_protection` is not declared in the files that could be parsed"
    ));
    assert!(values(&m.clients[0].user_pool)[0].contains(
        "`aws_cognito_user_pool.other.id` is not declared in the files that could be parsed"
    ));
    // What the lost files may attach to the pool is not seen.
    assert_eq!(
        m.unread,
        vec![
            Unread::File {
                name: "root/modules/pool/variables.tf".into()
            },
            Unread::File {
                name: "root/modules/pool/locals.tf".into()
            },
        ]
    );
}

#[test]
fn a_var_file_that_could_not_be_parsed_leaves_what_it_may_set_unknown() {
    let text = r#"
variable "mfa" { default = "OFF" }
variable "mode" { default = "OFF" }
variable "tier" { default = "LITE" }
resource "aws_cognito_user_pool" "main" {
  mfa_configuration = var.mfa
  user_pool_tier    = var.tier
  user_pool_add_ons {
    advanced_security_mode = var.mode
  }
}
"#;
    let main = file(0, "root/main.tf", text);
    let early = file(
        1,
        "root/terraform.tfvars",
        "mfa = \"ON\"\ntier = \"PLUS\"\n",
    );
    let late = file(2, "root/z.auto.tfvars", "mode = \"AUDIT\"\n");
    let m = lower_with_lost(
        std::slice::from_ref(&main),
        &[],
        vec![
            VarFile::Parsed(&early),
            VarFile::Unparsed(PathBuf::from("root/b.auto.tfvars")),
            VarFile::Parsed(&late),
        ],
        &[("tier", "ESSENTIALS")],
    );
    let pool = &m.user_pools[0];
    // Set before the lost file: it may have set it again.
    assert_eq!(
        values(&pool.mfa_configuration),
        vec!["unknown: variable `mfa` may be set in `b.auto.tfvars`, which could not be parsed"]
    );
    // Set after it, or with -var: known.
    assert_eq!(values(&pool.advanced_security_mode), vec!["Audit"]);
    assert_eq!(values(&pool.tier), vec!["Essentials"]);
}

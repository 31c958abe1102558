//! Blocks: the `.tf.json` syntax, MFA and trigger blocks, repeated and nested blocks read as
//! elements.

use super::*;

fn json_file(id: u32, path: &str, text: &str) -> TfFile {
    match coglint_syntax::parse_json(FileId(id), text, Limits::default()) {
        Ok(doc) => TfFile::from_json(FileId(id), PathBuf::from(path), Arc::from(text), doc.root),
        Err(e) => panic!("{path}: {e:?}"),
    }
}

#[test]
fn the_json_syntax_reads_like_hcl() {
    let text = r#"{
  "variable": {"mfa": {"type": "string", "default": "OFF"}},
  "locals": {"tier": "PLUS"},
  "resource": {
    "aws_cognito_user_pool": {
      "main": {
        "mfa_configuration": "${var.mfa}",
        "user_pool_tier": "${local.tier}",
        "password_policy": {"minimum_length": 10, "require_numbers": false},
        "user_pool_add_ons": [{"advanced_security_mode": "AUDIT"}],
        "deletion_protection": "${upper(\"active\")}"
      },
      "never": {"count": 0}
    },
    "aws_cognito_user_pool_client": {
      "app": {
        "user_pool_id": "${aws_cognito_user_pool.main.id}",
        "allowed_oauth_flows": ["code", "implicit"]
      }
    }
  }
}"#;
    let m = lower(&[json_file(0, "root/main.tf.json", text)], &[], &[]);
    assert_eq!(m.user_pools.len(), 1);
    let pool = &m.user_pools[0];
    assert_eq!(pool.meta.name, "aws_cognito_user_pool.main");
    assert_eq!(&text[pool.meta.header.range.as_usize()], "\"main\"");
    assert_eq!(values(&pool.mfa_configuration), vec!["Off"]);
    match &pool.mfa_configuration.alternatives()[0].provenance {
        Provenance::Parameter { at, value_at, .. } => {
            assert_eq!(&text[at.range.as_usize()], "var.mfa");
            assert_eq!(value_at.map(|v| &text[v.range.as_usize()]), Some("\"OFF\""));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(values(&pool.tier), vec!["Plus"]);
    assert_eq!(values(&pool.password_policy.minimum_length), vec!["10"]);
    assert_eq!(values(&pool.password_policy.require_numbers), vec!["false"]);
    assert_eq!(values(&pool.advanced_security_mode), vec!["Audit"]);
    assert_eq!(values(&pool.deletion_protection), vec!["Active"]);
    let client = &m.clients[0];
    assert_eq!(
        m.pool_of(client).map(|p| p.meta.name.as_str()),
        Some("aws_cognito_user_pool.main")
    );
    let Value::Known(flows) = &client.allowed_oauth_flows.alternatives()[0].value else {
        panic!()
    };
    assert_eq!(
        flows[1].at.map(|s| &text[s.range.as_usize()]),
        Some("\"implicit\"")
    );
}

#[test]
fn modules_called_with_for_each_and_count_are_evaluated_per_instance() {
    let root = r#"
module "tenant" {
  for_each = { a = "ON", b = "OPTIONAL" }
  source   = "./modules/pool"
  mfa      = each.value
}
module "disabled" {
  count  = 0
  source = "./modules/pool"
}
"#;
    let child = r#"
variable "mfa" { default = "OFF" }
resource "aws_cognito_user_pool" "this" {
  mfa_configuration = var.mfa
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
        .map(|p| format!("{} {:?}", p.meta.name, values(&p.mfa_configuration)))
        .collect();
    assert_eq!(
        got,
        vec![
            "module.tenant[\"a\"].aws_cognito_user_pool.this [\"On\"]",
            "module.tenant[\"b\"].aws_cognito_user_pool.this [\"Optional\"]",
        ]
    );
}

#[test]
fn mfa_factor_blocks_and_triggers_count_when_written() {
    let text = r#"
resource "aws_cognito_user_pool" "written" {
  sms_configuration {
    sns_caller_arn = "arn"
  }
  email_mfa_configuration {}
  software_token_mfa_configuration {
    enabled = true
  }
  lambda_config {
    define_auth_challenge = "arn"
  }
  sign_in_policy {
    allowed_first_auth_factors = ["PASSWORD", "WEB_AUTHN"]
  }
}

resource "aws_cognito_user_pool" "bare" {
  dynamic "sms_configuration" {
    for_each = []
    content {
      sns_caller_arn = "arn"
    }
  }
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let written = &m.user_pools[0];
    assert_eq!(written.mfa_factors.sms.known(), Some(&true));
    assert_eq!(written.mfa_factors.email.known(), Some(&true));
    assert_eq!(written.mfa_factors.totp.known(), Some(&true));
    assert_eq!(written.custom_auth_triggers.known(), Some(&true));
    assert_eq!(values(&written.allowed_first_auth_factors).len(), 1);
    let sms = &written.mfa_factors.sms.alternatives()[0];
    assert!(slice(text, &sms.provenance).contains("sns_caller_arn"));
    let bare = &m.user_pools[1];
    assert_eq!(bare.mfa_factors.sms.known(), Some(&false));
    assert_eq!(bare.mfa_factors.totp.known(), Some(&false));
    assert_eq!(bare.custom_auth_triggers.known(), Some(&false));
    assert!(bare.mfa_factors.email.is_default());
}

#[test]
fn repeated_provider_blocks_are_each_an_element() {
    let text = r#"
variable "check" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_identity_pool" "ids" {
  identity_pool_name = "ids"

  cognito_identity_providers {
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = true
  }

  cognito_identity_providers {
    provider_name           = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"
    server_side_token_check = var.check
  }

  cognito_identity_providers {
    provider_name = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Third"
  }
}

resource "aws_cognito_identity_pool" "dynamic" {
  identity_pool_name = "dynamic"
  dynamic "cognito_identity_providers" {
    for_each = var.providers
    content {
      provider_name = cognito_identity_providers.value
    }
  }
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let pool = &m.identity_pools[0];
    assert_eq!(pool.allow_unauthenticated_identities.known(), Some(&false));
    let Some(items) = pool.cognito_identity_providers.known() else {
        panic!("providers not read")
    };
    let checks: Vec<_> = items
        .iter()
        .map(|i| values(&i.value.server_side_token_check))
        .collect();
    assert_eq!(checks, vec![vec!["true"], vec!["false"], vec!["false"]]);
    assert_eq!(
        items[0].value.user_pool.known().map(|l| l.target.as_str()),
        Some("aws_cognito_user_pool.users")
    );
    let omitted = &items[2].value.server_side_token_check.alternatives()[0].provenance;
    assert!(omitted.is_default());
    assert!(slice(text, omitted).starts_with("cognito_identity_providers {"));
    // Dynamic blocks are not expanded: the provider list is unknown, never empty.
    assert!(values(&m.identity_pools[1].cognito_identity_providers)[0].starts_with("unknown"));
}

#[test]
fn a_risk_configuration_reads_nested_blocks() {
    let text = r#"
resource "aws_cognito_risk_configuration" "risk" {
  user_pool_id = aws_cognito_user_pool.users.id
  compromised_credentials_risk_configuration {
    event_filter = ["SIGN_UP"]
    actions {
      event_action = "BLOCK"
    }
  }
  account_takeover_risk_configuration {
    actions {
      medium_action {
        event_action = "NO_ACTION"
        notify       = false
      }
    }
  }
  risk_exception_configuration {
    skipped_ip_range_list = ["0.0.0.0/0"]
  }
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let risk = &m.risk_configurations[0];
    assert_eq!(
        risk.user_pool.known().map(|l| l.target.as_str()),
        Some("aws_cognito_user_pool.users")
    );
    assert_eq!(
        values(&risk.compromised_credentials_action),
        vec!["Some(Block)"]
    );
    assert_eq!(
        risk.compromised_credentials_events.known().map(Vec::len),
        Some(1)
    );
    assert_eq!(values(&risk.high_risk_action), vec!["None"]);
    assert_eq!(values(&risk.medium_risk_action), vec!["Some(NoAction)"]);
    assert_eq!(
        risk.skipped_ip_ranges
            .known()
            .map(|l| l.iter().map(|i| i.value.clone()).collect::<Vec<_>>()),
        Some(vec!["0.0.0.0/0".to_string()])
    );
}

#[test]
fn json_provider_lists_are_elements_too() {
    let text = r#"{
  "resource": {
    "aws_cognito_identity_pool": {
      "ids": {
        "identity_pool_name": "ids",
        "allow_classic_flow": true,
        "cognito_identity_providers": [
          {"provider_name": "a", "server_side_token_check": true},
          {"provider_name": "b"}
        ]
      }
    }
  }
}"#;
    let m = lower(&[json_file(0, "root/main.tf.json", text)], &[], &[]);
    let pool = &m.identity_pools[0];
    assert_eq!(pool.allow_classic_flow.known(), Some(&true));
    let Some(items) = pool.cognito_identity_providers.known() else {
        panic!("providers not read")
    };
    let checks: Vec<_> = items
        .iter()
        .map(|i| values(&i.value.server_side_token_check))
        .collect();
    assert_eq!(checks, vec![vec!["true"], vec!["false"]]);
}

#[test]
fn repeated_blocks_inside_a_block_are_read_as_a_list() {
    let text = r#"resource "aws_cognito_user_pool" "main" {
  name = "users"
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 2
    }
    recovery_mechanism {
      name     = "verified_phone_number"
      priority = 1
    }
  }
}

resource "aws_cognito_user_pool" "legacy" {
  name = "legacy"
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let Some(Some(list)) = m.user_pools[0].recovery_mechanisms.known() else {
        panic!("{:?}", m.user_pools[0].recovery_mechanisms)
    };
    let names: Vec<String> = list.iter().map(|m| m.value.option.to_string()).collect();
    assert_eq!(names, vec!["verified_email", "verified_phone_number"]);
    let first = coglint_model::first_recovery_mechanism(list).map(|m| m.value.priority);
    assert_eq!(first, Some(1));
    assert_eq!(m.user_pools[1].recovery_mechanisms.known(), Some(&None));
}

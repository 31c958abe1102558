//! Evaluation tests: a template in, model fields out.

use coglint_model::{
    AdvancedSecurityMode, MfaConfiguration, Model, OAuthFlow, ParameterOrigin, Provenance,
    TokenUnit, TokenValidity, Value,
};
use coglint_source::FileId;
use coglint_syntax::{parse_yaml, Limits};

use super::{lower, SuppliedParameters, TemplateInputs};
use crate::test_support::values;

mod conditions;
mod resources;

const FILE: FileId = FileId(0);

fn model(text: &str) -> Model {
    model_with(text, &SuppliedParameters::default())
}

fn model_with(text: &str, supplied: &SuppliedParameters) -> Model {
    match parse_yaml(FileId(0), text, Limits::default()) {
        Ok(doc) => lower(
            FILE,
            &doc.root,
            &TemplateInputs {
                parameters: supplied.clone(),
                ..Default::default()
            },
        ),
        Err(e) => panic!("{e:?}"),
    }
}

fn slice(text: &str, p: &Provenance) -> String {
    text[p.primary().range.as_usize()].to_string()
}

#[test]
fn omitted_properties_take_aws_defaults_at_the_header() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n";
    let m = model(text);
    let pool = &m.user_pools[0];
    assert_eq!(pool.mfa_configuration.known(), Some(&MfaConfiguration::Off));
    assert_eq!(
        pool.advanced_security_mode.known(),
        Some(&AdvancedSecurityMode::Off)
    );
    assert_eq!(pool.password_policy.minimum_length.known(), Some(&8));
    assert_eq!(pool.password_policy.require_uppercase.known(), Some(&true));
    let alt = &pool.mfa_configuration.alternatives()[0];
    assert_eq!(slice(text, &alt.provenance), "Pool");
    match &alt.provenance {
        Provenance::Default { property, .. } => assert_eq!(property, "MfaConfiguration"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn flags_omitted_from_a_written_password_policy_take_the_default() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy:\n          MinimumLength: 12\n          TemporaryPasswordValidityDays: 0\n";
    let m = model(text);
    let policy = &m.user_pools[0].password_policy;
    assert_eq!(policy.minimum_length.known(), Some(&12));
    assert_eq!(policy.require_uppercase.known(), Some(&true));
    match &policy.require_uppercase.alternatives()[0].provenance {
        Provenance::Default { property, .. } => {
            assert_eq!(property, "Policies.PasswordPolicy.RequireUppercase")
        }
        other => panic!("{other:?}"),
    }
    // Kept as written; `defaults::effective_temporary_password_validity_days` reads 0 as 7.
    assert_eq!(policy.temporary_password_validity_days.known(), Some(&0));
}

#[test]
fn a_parameter_default_is_used_and_located() {
    let text = "Parameters:\n  Mfa:\n    Type: String\n    Default: OPTIONAL\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !Ref Mfa\n";
    let m = model(text);
    let f = &m.user_pools[0].mfa_configuration;
    assert_eq!(f.known(), Some(&MfaConfiguration::Optional));
    match &f.alternatives()[0].provenance {
        Provenance::Parameter {
            at,
            name,
            value_at,
            origin,
            input,
            ..
        } => {
            assert_eq!(*input, coglint_model::InputKind::Parameter);
            assert_eq!(&text[at.range.as_usize()], "!Ref Mfa");
            assert_eq!(name, "Mfa");
            assert_eq!(
                value_at.map(|v| &text[v.range.as_usize()]),
                Some("OPTIONAL")
            );
            assert_eq!(*origin, ParameterOrigin::Default);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn allowed_values_are_scenarios_and_a_supplied_value_wins() {
    let text = "Parameters:\n  Mode:\n    Type: String\n    AllowedValues: [AUDIT, ENFORCED]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolAddOns:\n        AdvancedSecurityMode: !Ref Mode\n";
    let m = model(text);
    assert_eq!(
        values(&m.user_pools[0].advanced_security_mode),
        vec![
            "Audit when parameter `Mode` is `AUDIT`",
            "Enforced when parameter `Mode` is `ENFORCED`"
        ]
    );
    let params = coglint_syntax::parse_json(
        FileId(1),
        r#"{"Parameters": {"Mode": "ENFORCED"}}"#,
        Limits::default(),
    );
    let Ok(params) = params else { panic!() };
    let supplied = SuppliedParameters::from_document(params.root);
    let Ok(supplied) = supplied else { panic!() };
    let m = model_with(text, &supplied);
    assert_eq!(
        values(&m.user_pools[0].advanced_security_mode),
        vec!["Enforced"]
    );
}

#[test]
fn a_parameter_without_default_is_unknown() {
    let text = "Parameters:\n  Mfa:\n    Type: String\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !Ref Mfa\n";
    let m = model(text);
    let v = values(&m.user_pools[0].mfa_configuration);
    assert_eq!(v.len(), 1);
    assert!(
        v[0].starts_with("unknown: parameter `Mfa` has no `Default`"),
        "{v:?}"
    );
}

#[test]
fn conditions_fold_when_known_and_branch_when_not() {
    let text = "Parameters:\n  Env:\n    Type: String\n    Default: prod\n  Free:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsFree: !Equals [!Ref Free, yes]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [IsProd, 'ON', 'OFF']\n      DeletionProtection: !If [IsFree, ACTIVE, !Ref AWS::NoValue]\n";
    let m = model(text);
    let pool = &m.user_pools[0];
    assert_eq!(values(&pool.mfa_configuration), vec!["On"]);
    assert_eq!(
        values(&pool.deletion_protection),
        vec![
            "Active when condition `IsFree` is true",
            "Inactive when condition `IsFree` is false"
        ]
    );
    assert!(pool.deletion_protection.alternatives()[1]
        .provenance
        .is_default());
}

#[test]
fn resource_condition_false_removes_the_resource() {
    let text = "Conditions:\n  Never: !Equals [a, b]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Condition: Never\n";
    assert!(model(text).user_pools.is_empty());
}

#[test]
fn list_items_keep_their_own_location_and_functions_inside_lists_are_evaluated() {
    let text = "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      AllowedOAuthFlows:\n        - code\n        - !If [C, implicit, !Ref AWS::NoValue]\n  Pool:\n    Type: AWS::Cognito::UserPool\n";
    let m = model(text);
    let client = &m.clients[0];
    assert_eq!(
        m.pool_of(client).map(|p| p.meta.name.as_str()),
        Some("Pool")
    );
    let alts = client.allowed_oauth_flows.alternatives();
    assert_eq!(alts.len(), 2);
    let Value::Known(first) = &alts[0].value else {
        panic!()
    };
    assert_eq!(first.len(), 2);
    assert_eq!(first[1].value, OAuthFlow::Implicit);
    assert_eq!(
        first[1].at.map(|s| &text[s.range.as_usize()]),
        Some("implicit")
    );
    let Value::Known(second) = &alts[1].value else {
        panic!()
    };
    assert_eq!(second.len(), 1);
}

#[test]
fn sub_join_find_in_map_and_select_are_evaluated() {
    let text = "Parameters:\n  Stage:\n    Type: String\n    Default: prod\nMappings:\n  Settings:\n    prod:\n      Mfa: 'ON'\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !FindInMap [Settings, !Ref Stage, Mfa]\n      UserPoolAddOns:\n        AdvancedSecurityMode: !Sub '${Mode}'\n      DeletionProtection: !Join ['', [ACT, IVE]]\n      UserPoolTier: !Select [1, [LITE, PLUS]]\n";
    let text = text.replace("!Sub '${Mode}'", "!Sub ['${Mode}', {Mode: ENFORCED}]");
    let m = model(&text);
    let pool = &m.user_pools[0];
    assert_eq!(values(&pool.mfa_configuration), vec!["On"]);
    assert_eq!(values(&pool.advanced_security_mode), vec!["Enforced"]);
    assert_eq!(values(&pool.deletion_protection), vec!["Active"]);
    assert_eq!(values(&pool.tier), vec!["Plus"]);
}

#[test]
fn deployment_time_values_are_unknown() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !ImportValue shared-mfa\n      UserPoolAddOns:\n        AdvancedSecurityMode: !Sub '${AWS::Region}'\n";
    let m = model(text);
    let pool = &m.user_pools[0];
    assert!(values(&pool.mfa_configuration)[0].starts_with("unknown: `Fn::ImportValue`"));
    assert!(values(&pool.advanced_security_mode)[0].starts_with("unknown: pseudo parameter"));
}

#[test]
fn token_validity_applies_units() {
    let text = "Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      AccessTokenValidity: 2\n      IdTokenValidity: 30\n      TokenValidityUnits:\n        IdToken: minutes\n";
    let m = model(text);
    let c = &m.clients[0];
    assert_eq!(
        c.access_token_validity.known(),
        Some(&TokenValidity::new(2, TokenUnit::Hours))
    );
    assert_eq!(
        c.id_token_validity.known(),
        Some(&TokenValidity::new(30, TokenUnit::Minutes))
    );
    assert_eq!(
        c.refresh_token_validity.known(),
        Some(&TokenValidity::new(30, TokenUnit::Days))
    );
    assert!(c.refresh_token_validity.is_default());
}

#[test]
fn comma_delimited_list_parameters_become_lists() {
    let text = "Parameters:\n  Flows:\n    Type: CommaDelimitedList\n    Default: code,implicit\nResources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      AllowedOAuthFlows: !Ref Flows\n";
    let m = model(text);
    assert_eq!(values(&m.clients[0].allowed_oauth_flows).len(), 1);
    let Value::Known(flows) = &m.clients[0].allowed_oauth_flows.alternatives()[0].value else {
        panic!()
    };
    assert_eq!(
        flows.iter().map(|i| i.value).collect::<Vec<_>>(),
        vec![OAuthFlow::Code, OAuthFlow::Implicit]
    );
}

#[test]
fn unquoted_yaml_booleans_read_as_written_for_enums() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: ON\n";
    assert_eq!(
        values(&model(text).user_pools[0].mfa_configuration),
        vec!["On"]
    );
}

#[test]
fn empty_blocks_count_as_omitted() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n  Other:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolAddOns:\n      MfaConfiguration:\n";
    let m = model(text);
    for pool in &m.user_pools {
        assert_eq!(
            pool.mfa_configuration.known(),
            Some(&MfaConfiguration::Off),
            "{}",
            pool.meta.name
        );
        assert_eq!(
            pool.advanced_security_mode.known(),
            Some(&AdvancedSecurityMode::Off)
        );
        assert!(pool.advanced_security_mode.is_default());
    }
}

#[test]
fn join_evaluates_functions_inside_its_list() {
    let text = "Parameters:\n  Tail:\n    Type: String\n    AllowedValues: [IVE, X]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: !Join ['', [ACT, !Ref AWS::NoValue, !Ref Tail]]\n";
    let m = model(text);
    assert_eq!(
        values(&m.user_pools[0].deletion_protection),
        vec![
            "Active when parameter `Tail` is `IVE`",
            "unknown: `ACTX` is not one of ACTIVE, INACTIVE when parameter `Tail` is `X`"
        ]
    );
}

#[test]
fn mfa_factors_come_from_enabled_mfas_or_else_a_lone_sms_configuration() {
    let text = "Resources:\n  Listed:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      EnabledMfas: [SOFTWARE_TOKEN_MFA, EMAIL_OTP]\n      SmsConfiguration: {SnsCallerArn: arn}\n  Legacy:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      SmsConfiguration: {SnsCallerArn: arn}\n  Bare:\n    Type: AWS::Cognito::UserPool\n";
    let m = model(text);
    let factors = |i: usize| {
        let f = &m.user_pools[i].mfa_factors;
        (
            f.sms.known().copied(),
            f.totp.known().copied(),
            f.email.known().copied(),
        )
    };
    assert_eq!(factors(0), (Some(false), Some(true), Some(true)));
    assert_eq!(factors(1), (Some(true), Some(false), Some(false)));
    assert_eq!(factors(2), (Some(false), Some(false), Some(false)));
    // SMS by a lone SmsConfiguration is located there; no factor at all, at the header.
    let legacy = &m.user_pools[1].mfa_factors.sms.alternatives()[0];
    assert_eq!(slice(text, &legacy.provenance), "{SnsCallerArn: arn}");
    assert!(m.user_pools[2].mfa_factors.sms.is_default());
}

#[test]
fn custom_auth_triggers_are_set_by_any_challenge_trigger() {
    let text = "Resources:\n  Custom:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      LambdaConfig:\n        VerifyAuthChallengeResponse: arn\n  Other:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      LambdaConfig:\n        PreSignUp: arn\n";
    let m = model(text);
    assert_eq!(m.user_pools[0].custom_auth_triggers.known(), Some(&true));
    assert_eq!(m.user_pools[1].custom_auth_triggers.known(), Some(&false));
}

#[test]
fn sms_factor_pairs_past_the_cap_are_one_unknown() {
    // Nine factor lists times nine SMS configurations: 81 pairs, past the cap of 64.
    let values: Vec<String> = (0..9).map(|i| format!("\"v{i}\"")).collect();
    let text = format!(
        r#"Parameters:
  Factors:
    Type: String
    AllowedValues: [{list}]
  Role:
    Type: String
    AllowedValues: [{list}]
Mappings:
  Lists:
{lists}
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: "ON"
      EnabledMfas: !FindInMap [Lists, !Ref Factors, Factors]
      SmsConfiguration: !FindInMap [Lists, !Ref Role, Sms]
"#,
        list = values.join(", "),
        lists = (0..9)
            .map(|i| format!(
                "    v{i}:\n      Factors: [SMS_MFA]\n      Sms: {{SnsCallerArn: arn:aws:iam::123456789012:role/sms{i}}}\n"
            ))
            .collect::<String>(),
    );
    let m = model(&text);
    let sms = m.user_pools[0].mfa_factors.sms.alternatives();
    assert_eq!(sms.len(), 1, "{sms:?}");
    match &sms[0].value {
        coglint_model::Value::Unknown(u) => {
            assert!(u.reason.contains("too many scenarios"), "{}", u.reason)
        }
        other => panic!("{other:?}"),
    }
}

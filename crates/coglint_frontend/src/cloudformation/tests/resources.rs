//! The resources beside the user pool: identity pools and their providers, risk
//! configurations, identity providers, API routes and attachments; recovery mechanisms.

use super::*;

/// The server-side token check of each provider of the first identity pool, per alternative.
fn token_checks(m: &Model) -> Vec<Vec<String>> {
    m.identity_pools[0]
        .cognito_identity_providers
        .alternatives()
        .iter()
        .map(|a| match &a.value {
            Value::Known(items) => items
                .iter()
                .flat_map(|i| values(&i.value.server_side_token_check))
                .collect(),
            Value::Unknown(u) => vec![format!("unknown: {}", u.reason)],
        })
        .collect()
}

#[test]
fn identity_pool_providers_are_read_one_by_one() {
    let text = "Conditions:
  IsProd: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Users:
    Type: AWS::Cognito::UserPool
  Ids:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: true
      CognitoIdentityProviders:
        - ProviderName: !GetAtt Users.ProviderName
          ServerSideTokenCheck: true
        - ProviderName: cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other
        - !If
          - IsProd
          - ProviderName: x
            ServerSideTokenCheck: false
          - !Ref AWS::NoValue
";
    let m = model(text);
    let pool = &m.identity_pools[0];
    assert_eq!(pool.allow_unauthenticated_identities.known(), Some(&true));
    assert_eq!(pool.allow_classic_flow.known(), Some(&false));
    assert!(pool.allow_classic_flow.is_default());
    // Two lists, one per outcome of the condition; the second provider takes AWS's default.
    assert_eq!(
        token_checks(&m),
        vec![
            vec![
                "true when condition `IsProd` is true".to_string(),
                "false when condition `IsProd` is true".to_string(),
                "false when condition `IsProd` is true".to_string(),
            ],
            vec![
                "true when condition `IsProd` is false".to_string(),
                "false when condition `IsProd` is false".to_string(),
            ],
        ]
    );
    let Value::Known(items) = &pool.cognito_identity_providers.alternatives()[1].value else {
        panic!("unknown providers")
    };
    // Read in the scenario of the list that holds them.
    assert_eq!(
        values(&items[0].value.user_pool),
        vec!["ResourceRef { target: \"Users\" } when condition `IsProd` is false"]
    );
    let omitted = &items[1].value.server_side_token_check.alternatives()[0].provenance;
    assert!(omitted.is_default());
    assert!(slice(text, omitted).starts_with("ProviderName: cognito-idp"));
}

#[test]
fn risk_configurations_read_their_actions_and_link_to_the_pool() {
    let text = "Resources:
  Users:
    Type: AWS::Cognito::UserPool
  Risk:
    Type: AWS::Cognito::UserPoolRiskConfigurationAttachment
    Properties:
      UserPoolId: !Ref Users
      ClientId: ALL
      CompromisedCredentialsRiskConfiguration:
        Actions:
          EventAction: NO_ACTION
      AccountTakeoverRiskConfiguration:
        Actions:
          HighAction:
            EventAction: MFA_REQUIRED
            Notify: true
      RiskExceptionConfiguration:
        SkippedIPRangeList: [203.0.113.0/24]
";
    let m = model(text);
    let risk = &m.risk_configurations[0];
    assert_eq!(
        risk.user_pool.known().map(|l| l.target.as_str()),
        Some("Users")
    );
    assert_eq!(
        values(&risk.compromised_credentials_action),
        vec!["Some(NoAction)"]
    );
    assert_eq!(values(&risk.high_risk_action), vec!["Some(MfaRequired)"]);
    assert_eq!(values(&risk.medium_risk_action), vec!["None"]);
    assert_eq!(
        risk.compromised_credentials_events.known().map(Vec::len),
        Some(3)
    );
    assert_eq!(
        m.linked_pool_setting(&risk.user_pool, |p| &p.advanced_security_mode)
            .known(),
        Some(&AdvancedSecurityMode::Off)
    );
}

#[test]
fn an_unquoted_yaml_boolean_is_read_as_meant_and_its_spelling_noted() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: ON\n      UserPoolAddOns:\n        AdvancedSecurityMode: Audit\n      DeletionProtection: ACTIVE\n";
    let m = model(text);
    let pool = &m.user_pools[0];
    // The other rules judge what the author meant.
    assert_eq!(pool.mfa_configuration.known(), Some(&MfaConfiguration::On));
    let noted: Vec<_> = m
        .enum_values
        .iter()
        .filter_map(|v| {
            let s = v.spelling.known()?;
            let at = slice(text, &v.spelling.alternatives()[0].provenance);
            Some((v.property.as_str(), s.is_invalid(), s.yaml_boolean, at))
        })
        .collect();
    assert_eq!(
        noted,
        vec![
            ("MfaConfiguration", true, true, "ON".to_string()),
            (
                "UserPoolAddOns.AdvancedSecurityMode",
                true,
                false,
                "Audit".to_string()
            ),
            ("DeletionProtection", false, false, "ACTIVE".to_string()),
        ]
    );
}

#[test]
fn no_value_removes_only_its_own_key() {
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeviceConfiguration:\n        ChallengeRequiredOnNewDevice: !Ref AWS::NoValue\n        DeviceOnlyRememberedOnUserPrompt: true\n  Other:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeviceConfiguration: !Ref AWS::NoValue\n";
    let m = model(text);
    // The device configuration is still written: AWS's default within it applies.
    assert_eq!(
        m.user_pools[0].challenge_required_on_new_device.known(),
        Some(&Some(false))
    );
    // The whole configuration removed: devices are not remembered.
    assert_eq!(
        m.user_pools[1].challenge_required_on_new_device.known(),
        Some(&None)
    );
}

#[test]
fn recovery_mechanisms_are_read_entry_by_entry() {
    let text = "Parameters:\n  First:\n    Type: String\n    AllowedValues: [verified_email, verified_phone_number]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      AccountRecoverySetting:\n        RecoveryMechanisms:\n          - Name: !Ref First\n            Priority: 1\n          - Name: admin_only\n            Priority: 2\n  Legacy:\n    Type: AWS::Cognito::UserPool\n";
    let m = model(text);
    let firsts: Vec<String> = m.user_pools[0]
        .recovery_mechanisms
        .alternatives()
        .iter()
        .map(|a| match &a.value {
            Value::Known(Some(list)) => {
                let first = coglint_model::first_recovery_mechanism(list)
                    .map(|m| m.value.option.to_string())
                    .unwrap_or_default();
                format!("{first} when {}", a.scenario)
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        firsts,
        vec![
            "verified_email when parameter `First` is `verified_email`",
            "verified_phone_number when parameter `First` is `verified_phone_number`",
        ]
    );
    assert_eq!(m.user_pools[1].recovery_mechanisms.known(), Some(&None));
}

#[test]
fn identity_provider_secrets_keep_how_they_are_given() {
    use coglint_model::{Exposure, Secret};
    let text = r#"
Parameters:
  Hidden:
    Type: String
    NoEcho: true
  Shown:
    Type: String
Resources:
  Literal:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      ProviderDetails:
        client_secret: s3cr3t
        private_key: "{{resolve:secretsmanager:apple:SecretString:key}}"
  FromHidden:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      ProviderDetails:
        client_secret: !Ref Hidden
  FromShown:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      ProviderDetails:
        client_secret: !Ref Shown
"#;
    let supplied = match parse_yaml(
        FileId(1),
        "{Parameters: {Hidden: a, Shown: b}}",
        Limits::default(),
    ) {
        Ok(doc) => SuppliedParameters::from_document(doc.root).unwrap_or_else(|e| panic!("{e}")),
        Err(e) => panic!("{e:?}"),
    };
    let m = model_with(text, &supplied);
    let exposure = |i: usize| {
        let alternative = &m.identity_providers[i].client_secret.alternatives()[0];
        match &alternative.value {
            Value::Known(Some(secret)) => Exposure::of(*secret, &alternative.provenance),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(exposure(0), Some(Exposure::WrittenInCode));
    assert_eq!(exposure(1), None);
    assert_eq!(exposure(2), Some(Exposure::ShownByCloudFormation));
    assert_eq!(
        m.identity_providers[0].private_key.known(),
        Some(&Some(Secret::StoreReference))
    );
    assert_eq!(m.identity_providers[1].private_key.known(), Some(&None));
}

#[test]
fn api_routes_read_the_method_of_their_route_key() {
    let text = r#"
Resources:
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      RouteKey: OPTIONS /orders
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      HttpMethod: GET
      AuthorizationType: AWS_IAM
"#;
    let m = model(text);
    let route = &m.api_methods[0];
    assert!(route.is_route);
    assert_eq!(
        route.http_method.known(),
        Some(&Some("OPTIONS".to_string()))
    );
    assert_eq!(route.authorization_type.known(), Some(&"NONE".to_string()));
    assert!(route.authorization_type.is_default());
    assert_eq!(
        m.api_methods[1].authorization_type.known(),
        Some(&"AWS_IAM".to_string())
    );
}

#[test]
fn attachments_name_a_resource_of_the_template_or_one_outside_it() {
    let text = r#"
Parameters:
  Target:
    Type: String
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  OnPool:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !GetAtt Pool.Arn
  OnAnotherStack:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123
  OnParameter:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref Target
  Logs:
    Type: AWS::Cognito::LogDeliveryConfiguration
    Properties:
      UserPoolId: !Ref Pool
      LogConfigurations:
        - EventSource: userAuthEvents
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      Principal: cognito-idp.amazonaws.com
"#;
    let m = model(text);
    let targets: Vec<Option<Option<String>>> = m
        .web_acl_associations
        .iter()
        .map(|a| match &a.resource.alternatives()[0].value {
            Value::Known(r) => Some(r.as_ref().map(|r| r.target.clone())),
            Value::Unknown(_) => None,
        })
        .collect();
    assert_eq!(targets, vec![Some(Some("Pool".into())), Some(None), None]);
    let logs = &m.log_delivery_configurations[0];
    assert_eq!(
        logs.user_pool
            .known()
            .and_then(|r| r.as_ref())
            .map(|r| r.target.as_str()),
        Some("Pool")
    );
    let sources: Vec<_> = logs
        .log_configurations
        .known()
        .map(|l| {
            l.iter()
                .map(|c| c.value.event_source.known().copied())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        sources,
        vec![Some(Some(coglint_model::LogEventSource::UserAuthEvents))]
    );
    let permission = &m.lambda_permissions[0];
    assert_eq!(permission.has_source_arn.known(), Some(&false));
    assert!(permission.has_source_arn.is_default());
}

//! Tests of the Amplify auth template: cli-inputs.json in, lowered model fields and their
//! locations out.

use coglint_model::{
    MfaConfiguration, Model, OAuthFlow, Provenance, TokenUnit, TokenValidity, Value,
};
use coglint_source::FileId;
use coglint_syntax::{parse_json, Limits, Node};

use super::{auth_template, auth_template_with, AuthFlags};
use crate::cloudformation::lower;

/// What `amplify add auth` writes with the default answers (identity pool added).
const DEFAULT: &str = r#"{
  "version": "1",
  "cognitoConfig": {
    "identityPoolName": "app_identitypool_1a2b",
    "allowUnauthenticatedIdentities": true,
    "resourceNameTruncated": "app1a2b",
    "autoVerifiedAttributes": ["email"],
    "mfaConfiguration": "OFF",
    "mfaTypes": ["SMS Text Message"],
    "passwordPolicyMinLength": 8,
    "passwordPolicyCharacters": [],
    "requiredAttributes": ["email"],
    "aliasAttributes": [],
    "userpoolClientGenerateSecret": false,
    "userpoolClientRefreshTokenValidity": 30,
    "userpoolClientWriteAttributes": ["email"],
    "userpoolClientReadAttributes": ["email"],
    "userpoolClientSetAttributes": false,
    "authSelections": "identityPoolAndUserPool",
    "usernameCaseSensitive": false,
    "useEnabledMfas": true
  }
}"#;

fn root(text: &str) -> Node {
    match parse_json(FileId(3), text, Limits::default()) {
        Ok(doc) => doc.root,
        Err(e) => panic!("{e:?}"),
    }
}

fn model_with(text: &str, flags: AuthFlags) -> Model {
    match auth_template_with(&root(text), flags) {
        Some(template) => lower(FileId(3), &template, &Default::default()),
        None => panic!("not an auth cli-inputs"),
    }
}

fn model(text: &str) -> Model {
    model_with(text, AuthFlags::default())
}

fn slice<'t>(text: &'t str, p: &Provenance) -> &'t str {
    assert_eq!(p.primary().file, FileId(3));
    &text[p.primary().range.as_usize()]
}

/// `DEFAULT` with `key`'s line replaced by `line` (or removed when `line` is empty).
fn edit(key: &str, line: &str) -> String {
    DEFAULT
        .lines()
        .filter_map(
            |l| match l.trim_start().starts_with(&format!("\"{key}\"")) {
                true => (!line.is_empty()).then(|| format!("    {line}")),
                false => Some(l.to_string()),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_default_answers_give_the_cli_stack_located_in_cli_inputs() {
    let m = model(DEFAULT);
    let pool = &m.user_pools[0];
    assert_eq!(pool.meta.name, "UserPool");
    assert_eq!(
        &DEFAULT[pool.meta.header.range.as_usize()],
        "\"cognitoConfig\""
    );
    let mfa = &pool.mfa_configuration;
    assert_eq!(mfa.known(), Some(&MfaConfiguration::Off));
    assert_eq!(slice(DEFAULT, &mfa.alternatives()[0].provenance), "\"OFF\"");
    let length = &pool.password_policy.minimum_length;
    assert_eq!(length.known(), Some(&8));
    assert_eq!(slice(DEFAULT, &length.alternatives()[0].provenance), "8");
    let upper = &pool.password_policy.require_uppercase;
    assert_eq!(upper.known(), Some(&false));
    assert_eq!(slice(DEFAULT, &upper.alternatives()[0].provenance), "[]");
    // Constants the CLI never sets: AWS's defaults, reported at `cognitoConfig`.
    let deletion = &pool.deletion_protection.alternatives()[0].provenance;
    assert!(deletion.is_default());
    assert_eq!(slice(DEFAULT, deletion), "\"cognitoConfig\"");
    assert_eq!(pool.username_case_sensitive.known(), Some(&false));
    assert_eq!(pool.mfa_factors.sms.known(), Some(&false));
    let names: Vec<_> = m.clients.iter().map(|c| c.meta.name.as_str()).collect();
    assert_eq!(names, ["UserPoolClientWeb", "UserPoolClient"]);
    for client in &m.clients {
        assert_eq!(
            client.user_pool.known().map(|r| r.target.as_str()),
            Some("UserPool")
        );
        assert!(client.prevent_user_existence_errors.is_default());
        let refresh = client.refresh_token_validity.known();
        assert_eq!(refresh, Some(&TokenValidity::new(30, TokenUnit::Days)));
        assert!(client.write_attributes.is_default());
    }
    let guests = &m.identity_pools[0].allow_unauthenticated_identities;
    assert_eq!(guests.known(), Some(&true));
    assert_eq!(slice(DEFAULT, &guests.alternatives()[0].provenance), "true");
    let providers = m.identity_pools[0].cognito_identity_providers.known();
    let linked: Vec<_> = providers
        .unwrap_or(&Vec::new())
        .iter()
        .map(|p| {
            let pool = p.value.user_pool.known().map(|r| r.target.clone());
            (pool, p.value.client.known().map(|r| r.target.clone()))
        })
        .collect();
    assert_eq!(
        linked,
        [
            (Some("UserPool".into()), Some("UserPoolClient".into())),
            (Some("UserPool".into()), Some("UserPoolClientWeb".into()))
        ]
    );
    assert_eq!(m.identity_pool_role_attachments.len(), 1);
}

#[test]
fn user_pool_only_has_no_identity_pool_and_identity_pool_only_no_user_pool() {
    let m = model(&edit(
        "authSelections",
        r#""authSelections": "userPoolOnly","#,
    ));
    assert!(m.identity_pools.is_empty());
    assert_eq!((m.user_pools.len(), m.clients.len()), (1, 2));
    let m = model(&edit(
        "authSelections",
        r#""authSelections": "identityPoolOnly","#,
    ));
    assert!(m.user_pools.is_empty() && m.clients.is_empty());
    assert_eq!(m.identity_pools.len(), 1);
    // Omitted: the CLI builds the user pool only.
    let m = model(&edit("authSelections", ""));
    assert!(m.identity_pools.is_empty());
    assert_eq!(m.user_pools.len(), 1);
}

#[test]
fn oauth_metadata_is_read_inside_its_string() {
    let line = concat!(
        r#""oAuthMetadata": "{\"AllowedOAuthFlows\":[\"implicit\"],"#,
        r#"\"AllowedOAuthScopes\":[\"openid\"],\"CallbackURLs\":[\"http://example.org/\"],"#,
        r#"\"LogoutURLs\":[]}","#
    );
    let text = edit(
        "useEnabledMfas",
        &format!("{line}\n    \"useEnabledMfas\": true"),
    );
    let m = model(&text);
    let outer = text.find("\"{").unwrap_or(0)..text.find("}\",").unwrap_or(0) + 2;
    for client in &m.clients {
        let flows = client
            .allowed_oauth_flows
            .known()
            .unwrap_or_else(|| panic!("{client:?}"));
        assert_eq!(flows[0].value, OAuthFlow::Implicit);
        let at = flows[0].at.map(|s| s.range.as_usize()).unwrap_or_default();
        assert_eq!(&text[at.clone()], r#"\"implicit\""#);
        assert!(outer.start < at.start && at.end < outer.end);
        let urls = client.callback_urls.known().map(|u| u[0].value.clone());
        assert_eq!(urls.as_deref(), Some("http://example.org/"));
        assert_eq!(
            client.allowed_oauth_flows_user_pool_client.known(),
            Some(&true)
        );
    }
    // Malformed JSON: the CLI cannot build the stack, so nothing is known.
    let text = edit(
        "useEnabledMfas",
        r#""oAuthMetadata": "{\"AllowedOAuthFlows\":[""#,
    );
    let m = model(&text);
    assert!(matches!(
        m.clients[0].allowed_oauth_flows.alternatives()[0].value,
        Value::Unknown(_)
    ));
}

#[test]
fn omitted_keys_give_what_the_cli_deploys() {
    // Passed as a stack parameter: an undeclared parameter, the deployment fails: unknown.
    let m = model(&edit("passwordPolicyMinLength", ""));
    let length = &m.user_pools[0].password_policy.minimum_length;
    assert!(matches!(length.alternatives()[0].value, Value::Unknown(_)));
    // Written only when given: AWS's default, at `cognitoConfig`.
    let text = edit("usernameCaseSensitive", "");
    let m = model(&text);
    let sensitive = &m.user_pools[0].username_case_sensitive;
    assert_eq!(sensitive.known(), Some(&true));
    assert_eq!(
        slice(&text, &sensitive.alternatives()[0].provenance),
        "\"cognitoConfig\""
    );
    // Client attributes only with `userpoolClientSetAttributes`.
    let text = edit(
        "userpoolClientSetAttributes",
        r#""userpoolClientSetAttributes": true,"#,
    );
    let m = model(&text);
    let written = m.clients[1].write_attributes.known().cloned().flatten();
    assert_eq!(written.map(|w| w.len()), Some(1));
}

#[test]
fn mfa_factors_follow_mfa_types() {
    let text = edit("mfaTypes", r#""mfaTypes": ["SMS Text Message", "TOTP"],"#).replace(
        r#""mfaConfiguration": "OFF""#,
        r#""mfaConfiguration": "ON""#,
    );
    let m = model(&text);
    let pool = &m.user_pools[0];
    assert_eq!(pool.mfa_configuration.known(), Some(&MfaConfiguration::On));
    assert_eq!(pool.mfa_factors.totp.known(), Some(&true));
    assert_eq!(pool.mfa_factors.sms.known(), Some(&true));
    let totp = &pool.mfa_factors.totp.alternatives()[0].provenance;
    assert_eq!(slice(&text, totp), "[\"SMS Text Message\", \"TOTP\"]");
    assert_eq!(pool.sms_configured.known(), Some(&true));
    // TOTP only: no SMS (the feature flag's behaviour); without the flag SMS is always on.
    let text = text.replace("\"SMS Text Message\", ", "");
    let m = model(&text);
    assert_eq!(m.user_pools[0].mfa_factors.sms.known(), Some(&false));
    let legacy = AuthFlags {
        use_enabled_mfas: false,
    };
    let m = model_with(&text, legacy);
    assert_eq!(m.user_pools[0].mfa_factors.sms.known(), Some(&true));
}

#[test]
fn comma_delimited_lists_are_split_and_located() {
    let text = edit(
        "aliasAttributes",
        r#""usernameAttributes": ["email, phone_number"],"#,
    );
    let m = model(&text);
    let names = m.user_pools[0]
        .username_attributes
        .known()
        .cloned()
        .unwrap_or_default();
    let located: Vec<_> = names
        .iter()
        .map(|i| &text[i.at.map(|s| s.range.as_usize()).unwrap_or_default()])
        .collect();
    assert_eq!(located, ["email", "phone_number"]);
    // `phone_number` inside one item is not the item `phone_number`: no SMS set up.
    assert_eq!(m.user_pools[0].sms_configured.known(), Some(&false));
}

#[test]
fn other_documents_are_not_auth_cli_inputs() {
    let function = r#"{"version": "1", "functionName": "f", "runtime": "nodejs"}"#;
    assert!(auth_template(&root(function)).is_none());
    assert!(auth_template(&root(r#"{"cognitoConfig": "x"}"#)).is_none());
}

#[test]
fn triggers_and_groups_are_located_at_their_keys() {
    let text = edit(
        "useEnabledMfas",
        r#""triggers": {"DefineAuthChallenge": ["captcha-define-challenge"]},
    "userPoolGroups": true"#,
    );
    let m = model(&text);
    let custom = &m.user_pools[0].custom_auth_triggers;
    assert_eq!(custom.known(), Some(&true));
    let at = &custom.alternatives()[0].provenance;
    assert_eq!(slice(&text, at), "\"DefineAuthChallenge\"");
    let mappings = m.identity_pool_role_attachments[0].role_mappings.known();
    let mappings = mappings.cloned().unwrap_or_default();
    assert_eq!(mappings.len(), 2);
    let ambiguous = &mappings[0].value.ambiguous_role_resolution.alternatives()[0];
    assert!(format!("{:?}", ambiguous.value).contains("AuthenticatedRole"));
    assert_eq!(slice(&text, &ambiguous.provenance), "true");
}

#[test]
fn a_string_with_unusual_escapes_is_located_as_a_whole() {
    // `\u0069` is `i`, escaped where JSON.stringify would not: inner offsets are not known.
    let line = r#""oAuthMetadata": "{\"AllowedOAuthFlows\":[\"\u0069mplicit\"]}""#;
    let text = edit("useEnabledMfas", line);
    let m = model(&text);
    let flows = m.clients[0].allowed_oauth_flows.known().cloned();
    let flow = flows.unwrap_or_default().remove(0);
    assert_eq!(flow.value, OAuthFlow::Implicit);
    let at = flow.at.map(|s| s.range.as_usize()).unwrap_or_default();
    assert_eq!(&text[at], &line["\"oAuthMetadata\": ".len()..]);
}

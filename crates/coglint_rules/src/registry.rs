//! Every rule, in code order.

use crate::meta::Rule;
use crate::rules::{client, threat_protection, user_pool};

static RULES: &[&dyn Rule] = &[
    &crate::rules::template::invalid_enum_value::InvalidEnumValue,
    &user_pool::mfa_off::MfaOff,
    &user_pool::mfa_optional::MfaOptional,
    &user_pool::mfa_without_factor::MfaWithoutFactor,
    &user_pool::mfa_sms_only::MfaSmsOnly,
    &user_pool::password_too_short::PasswordTooShort,
    &user_pool::password_character_classes::PasswordCharacterClasses,
    &user_pool::temporary_password_validity::TemporaryPasswordValidity,
    &user_pool::password_history_off::PasswordHistoryOff,
    &threat_protection::threat_protection_off::ThreatProtectionOff,
    &threat_protection::threat_protection_audit_only::ThreatProtectionAuditOnly,
    &threat_protection::custom_auth_threat_protection::CustomAuthThreatProtection,
    &threat_protection::feature_needs_higher_tier::FeatureNeedsHigherTier,
    &threat_protection::compromised_credentials_not_blocked::CompromisedCredentialsNotBlocked,
    &threat_protection::account_takeover_not_blocked::AccountTakeoverNotBlocked,
    &threat_protection::risk_exception_too_broad::RiskExceptionTooBroad,
    &threat_protection::risk_configuration_without_effect::RiskConfigurationWithoutEffect,
    &client::client_implicit_grant::ClientImplicitGrant,
    &client::client_user_existence_errors::ClientUserExistenceErrors,
    &client::client_password_auth_flow::ClientPasswordAuthFlow,
    &client::client_access_token_lifetime::ClientAccessTokenLifetime,
    &client::client_id_token_lifetime::ClientIdTokenLifetime,
    &client::client_refresh_token_lifetime::ClientRefreshTokenLifetime,
    &client::client_token_revocation_off::ClientTokenRevocationOff,
    &client::client_refresh_token_rotation_off::ClientRefreshTokenRotationOff,
    &client::client_insecure_redirect::ClientInsecureRedirect,
    &client::client_admin_scope::ClientAdminScope,
    &client::client_writes_authorization_attribute::ClientWritesAuthorizationAttribute,
    &crate::rules::identity_pool::identity_pool_guest_access::IdentityPoolGuestAccess,
    &crate::rules::identity_pool::identity_pool_classic_flow::IdentityPoolClassicFlow,
    &crate::rules::identity_pool::identity_role_trust_without_aud::IdentityRoleTrustWithoutAud,
    &crate::rules::identity_pool::identity_role_trust_without_amr::IdentityRoleTrustWithoutAmr,
    &crate::rules::identity_pool::identity_role_too_broad::IdentityRoleTooBroad,
    &crate::rules::identity_pool::identity_pool_ambiguous_role::IdentityPoolAmbiguousRole,
    &crate::rules::identity_pool::identity_pool_no_server_side_token_check::IdentityPoolNoServerSideTokenCheck,
    &crate::rules::identity_pool::identity_pool_role_escalation::IdentityPoolRoleEscalation,
    &crate::rules::sign_up::self_sign_up_enabled::SelfSignUpEnabled,
    &crate::rules::sign_up::recovery_via_sms::RecoveryViaSms,
    &crate::rules::sign_up::attribute_change_without_verification::AttributeChangeWithoutVerification,
    &crate::rules::sign_up::username_case_sensitive::UsernameCaseSensitive,
    &crate::rules::sign_up::remembered_device_skips_mfa::RememberedDeviceSkipsMfa,
    &crate::rules::operations::deletion_protection_off::DeletionProtectionOff,
    &crate::rules::operations::no_waf_association::NoWafAssociation,
    &crate::rules::operations::no_log_delivery::NoLogDelivery,
    &crate::rules::operations::trigger_permission_without_source::TriggerPermissionWithoutSource,
    &crate::rules::operations::hard_coded_idp_secret::HardCodedIdpSecret,
    &crate::rules::operations::sms_role_without_external_id::SmsRoleWithoutExternalId,
    &crate::rules::operations::api_without_cognito_authorizer::ApiWithoutCognitoAuthorizer,
];

/// Every rule, sorted by code.
pub fn all_rules() -> &'static [&'static dyn Rule] {
    RULES
}

/// The rule with this code or name (`COG301`, `cog301`, `client-implicit-grant`, or a former
/// name).
pub fn find_rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().answers_to(code_or_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_sorted() {
        let codes: Vec<_> = RULES.iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
        let names: HashSet<_> = RULES.iter().map(|r| r.meta().name).collect();
        assert_eq!(names.len(), RULES.len());
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), RULES.len());
    }

    #[test]
    fn retired_codes_and_names_are_never_reused() {
        for retired in crate::retired_rules() {
            assert!(
                find_rule(retired.code).is_none() && find_rule(retired.name).is_none(),
                "{} is retired but a rule answers to it",
                retired.code
            );
            assert!(crate::find_retired(&retired.code.to_ascii_lowercase()).is_some());
            assert!(crate::find_retired(retired.name).is_some());
        }
        assert!(crate::find_retired("COG505").is_some());
        assert!(crate::find_retired("COG101").is_none());
    }

    #[test]
    fn every_rule_documents_what_why_example_and_fix() {
        for rule in RULES {
            let docs = rule.meta().documentation();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "Use instead:",
                "## How to fix",
            ] {
                assert!(
                    docs.contains(section),
                    "{} lacks {section}",
                    rule.meta().code
                );
            }
            for front_end in ["CloudFormation:", "Terraform:", "CDK:"] {
                assert!(
                    docs.contains(front_end),
                    "{} has no {front_end} fix",
                    rule.meta().code
                );
            }
        }
    }

    #[test]
    fn rules_are_found_by_code_or_name() {
        assert_eq!(
            find_rule("cog301").map(|r| r.meta().name),
            Some("client-implicit-grant")
        );
        assert_eq!(find_rule("mfa-off").map(|r| r.meta().code), Some("COG101"));
        assert!(find_rule("COG999").is_none());
    }
}

//! Terraform's name for each property the model reads.

use crate::lowering::Prop;

/// Terraform's name for each property.
pub(super) fn names(prop: Prop) -> &'static [&'static str] {
    match prop {
        Prop::UserPoolTier => &["user_pool_tier"],
        Prop::MfaConfiguration => &["mfa_configuration"],
        Prop::MinimumLength => &["password_policy", "minimum_length"],
        Prop::RequireUppercase => &["password_policy", "require_uppercase"],
        Prop::RequireLowercase => &["password_policy", "require_lowercase"],
        Prop::RequireNumbers => &["password_policy", "require_numbers"],
        Prop::RequireSymbols => &["password_policy", "require_symbols"],
        Prop::TemporaryPasswordValidityDays => {
            &["password_policy", "temporary_password_validity_days"]
        }
        Prop::PasswordHistorySize => &["password_policy", "password_history_size"],
        Prop::AdvancedSecurityMode => &["user_pool_add_ons", "advanced_security_mode"],
        Prop::CustomAuthMode => &[
            "user_pool_add_ons",
            "advanced_security_additional_flows",
            "custom_auth_mode",
        ],
        Prop::DeletionProtection => &["deletion_protection"],
        Prop::AllowAdminCreateUserOnly => {
            &["admin_create_user_config", "allow_admin_create_user_only"]
        }
        Prop::UsernameCaseSensitive => &["username_configuration", "case_sensitive"],
        Prop::ChallengeRequiredOnNewDevice => {
            &["device_configuration", "challenge_required_on_new_device"]
        }
        Prop::UsernameAttributes => &["username_attributes"],
        Prop::RecoveryMechanisms => &["account_recovery_setting", "recovery_mechanism"],
        Prop::RecoveryMechanismName => &["name"],
        Prop::RecoveryMechanismPriority => &["priority"],
        Prop::AliasAttributes => &["alias_attributes"],
        Prop::AutoVerifiedAttributes => &["auto_verified_attributes"],
        Prop::AttributesRequireVerificationBeforeUpdate => &[
            "user_attribute_update_settings",
            "attributes_require_verification_before_update",
        ],
        // Terraform has one block per MFA factor, no list of them.
        Prop::EnabledMfas => &[],
        Prop::SmsConfiguration => &["sms_configuration"],
        Prop::SoftwareTokenMfaEnabled => &["software_token_mfa_configuration", "enabled"],
        Prop::EmailMfaConfiguration => &["email_mfa_configuration"],
        Prop::DefineAuthChallenge => &["lambda_config", "define_auth_challenge"],
        Prop::CreateAuthChallenge => &["lambda_config", "create_auth_challenge"],
        Prop::VerifyAuthChallengeResponse => &["lambda_config", "verify_auth_challenge_response"],
        Prop::AllowedFirstAuthFactors => &["sign_in_policy", "allowed_first_auth_factors"],
        Prop::ClientUserPool => &["user_pool_id"],
        Prop::GenerateSecret => &["generate_secret"],
        Prop::ExplicitAuthFlows => &["explicit_auth_flows"],
        Prop::AllowedOAuthFlows => &["allowed_oauth_flows"],
        Prop::AllowedOAuthFlowsUserPoolClient => &["allowed_oauth_flows_user_pool_client"],
        Prop::AllowedOAuthScopes => &["allowed_oauth_scopes"],
        Prop::CallbackUrls => &["callback_urls"],
        Prop::LogoutUrls => &["logout_urls"],
        Prop::PreventUserExistenceErrors => &["prevent_user_existence_errors"],
        Prop::AccessTokenValidity => &["access_token_validity"],
        Prop::IdTokenValidity => &["id_token_validity"],
        Prop::RefreshTokenValidity => &["refresh_token_validity"],
        Prop::AccessTokenUnit => &["token_validity_units", "access_token"],
        Prop::IdTokenUnit => &["token_validity_units", "id_token"],
        Prop::RefreshTokenUnit => &["token_validity_units", "refresh_token"],
        Prop::EnableTokenRevocation => &["enable_token_revocation"],
        Prop::DefaultRedirectUri => &["default_redirect_uri"],
        Prop::RefreshTokenRotation => &["refresh_token_rotation", "feature"],
        Prop::WriteAttributes => &["write_attributes"],
        Prop::Schema => &["schema"],
        Prop::SchemaAttributeName => &["name"],
        Prop::SchemaAttributeMutable => &["mutable"],
        Prop::AllowUnauthenticatedIdentities => &["allow_unauthenticated_identities"],
        Prop::AllowClassicFlow => &["allow_classic_flow"],
        Prop::CognitoIdentityProviders => &["cognito_identity_providers"],
        Prop::IdentityProviderName => &["provider_name"],
        Prop::IdentityProviderClient => &["client_id"],
        Prop::ServerSideTokenCheck => &["server_side_token_check"],
        Prop::RiskUserPool => &["user_pool_id"],
        Prop::CompromisedCredentialsAction => &[
            "compromised_credentials_risk_configuration",
            "actions",
            "event_action",
        ],
        Prop::CompromisedCredentialsEvents => {
            &["compromised_credentials_risk_configuration", "event_filter"]
        }
        Prop::HighRiskAction => &[
            "account_takeover_risk_configuration",
            "actions",
            "high_action",
            "event_action",
        ],
        Prop::MediumRiskAction => &[
            "account_takeover_risk_configuration",
            "actions",
            "medium_action",
            "event_action",
        ],
        Prop::LowRiskAction => &[
            "account_takeover_risk_configuration",
            "actions",
            "low_action",
            "event_action",
        ],
        Prop::SkippedIpRanges => &["risk_exception_configuration", "skipped_ip_range_list"],
        Prop::RoleAttachmentIdentityPool => &["identity_pool_id"],
        Prop::AuthenticatedRole => &["roles", "authenticated"],
        Prop::UnauthenticatedRole => &["roles", "unauthenticated"],
        Prop::RoleMappings => &["role_mapping"],
        Prop::RoleMappingIdentityProvider => &["identity_provider"],
        Prop::RoleMappingType => &["type"],
        Prop::AmbiguousRoleResolution => &["ambiguous_role_resolution"],
        Prop::TrustPolicy => &["assume_role_policy"],
        Prop::InlinePolicies => &["inline_policy"],
        Prop::InlinePolicyDocument | Prop::PolicyDocument => &["policy"],
        Prop::ManagedPolicyArns => &["managed_policy_arns"],
        Prop::PolicyRoles | Prop::AttachmentRole => &["role"],
        Prop::AttachmentPolicyArn => &["policy_arn"],
        Prop::WebAclResource => &["resource_arn"],
        Prop::LogDeliveryUserPool => &["user_pool_id"],
        Prop::LogConfigurations => &["log_configurations"],
        Prop::LogEventSource => &["event_source"],
        Prop::LambdaPrincipal => &["principal"],
        Prop::LambdaSourceArn => &["source_arn"],
        Prop::SmsExternalId => &["sms_configuration", "external_id"],
        Prop::SmsRole => &["sms_configuration", "sns_caller_arn"],
        Prop::IdpUserPool => &["user_pool_id"],
        Prop::IdpClientSecret => &["provider_details", "client_secret"],
        Prop::IdpPrivateKey => &["provider_details", "private_key"],
        Prop::ApiMethodAuthorizationType => &["authorization"],
        Prop::ApiMethodHttpMethod => &["http_method"],
        Prop::ApiRouteAuthorizationType => &["authorization_type"],
        Prop::ApiRouteKey => &["route_key"],
    }
}

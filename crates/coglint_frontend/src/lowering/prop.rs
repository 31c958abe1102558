//! The properties the model reads, named once whatever the format.

/// The properties the model reads, whatever a format calls them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prop {
    UserPoolTier,
    MfaConfiguration,
    MinimumLength,
    RequireUppercase,
    RequireLowercase,
    RequireNumbers,
    RequireSymbols,
    TemporaryPasswordValidityDays,
    PasswordHistorySize,
    AdvancedSecurityMode,
    CustomAuthMode,
    DeletionProtection,
    AllowAdminCreateUserOnly,
    UsernameCaseSensitive,
    ChallengeRequiredOnNewDevice,
    UsernameAttributes,
    AliasAttributes,
    AutoVerifiedAttributes,
    AttributesRequireVerificationBeforeUpdate,
    RecoveryMechanisms,
    RecoveryMechanismName,
    RecoveryMechanismPriority,
    // MFA factors: a format has either `EnabledMfas` or one setting per factor; the names of
    // the other kind are empty.
    EnabledMfas,
    SmsConfiguration,
    SoftwareTokenMfaEnabled,
    EmailMfaConfiguration,
    DefineAuthChallenge,
    CreateAuthChallenge,
    VerifyAuthChallengeResponse,
    AllowedFirstAuthFactors,
    ClientUserPool,
    GenerateSecret,
    ExplicitAuthFlows,
    AllowedOAuthFlows,
    AllowedOAuthFlowsUserPoolClient,
    AllowedOAuthScopes,
    CallbackUrls,
    LogoutUrls,
    PreventUserExistenceErrors,
    AccessTokenValidity,
    IdTokenValidity,
    RefreshTokenValidity,
    AccessTokenUnit,
    IdTokenUnit,
    RefreshTokenUnit,
    EnableTokenRevocation,
    DefaultRedirectUri,
    RefreshTokenRotation,
    WriteAttributes,
    // The schema's attributes; name and mutability are read inside each entry.
    Schema,
    SchemaAttributeName,
    SchemaAttributeMutable,
    // Identity pools; the provider's own settings are read inside each provider entry.
    AllowUnauthenticatedIdentities,
    AllowClassicFlow,
    CognitoIdentityProviders,
    IdentityProviderName,
    IdentityProviderClient,
    ServerSideTokenCheck,
    // Risk configurations.
    RiskUserPool,
    CompromisedCredentialsAction,
    CompromisedCredentialsEvents,
    HighRiskAction,
    MediumRiskAction,
    LowRiskAction,
    SkippedIpRanges,
    // WAF web ACL associations, log delivery configurations and Lambda permissions.
    WebAclResource,
    LogDeliveryUserPool,
    LogConfigurations,
    LogEventSource,
    LambdaPrincipal,
    LambdaSourceArn,
    // The SMS configuration's external ID and role (the configuration itself is
    // `SmsConfiguration`).
    SmsExternalId,
    SmsRole,
    // Federated identity providers of user pools.
    IdpUserPool,
    IdpClientSecret,
    IdpPrivateKey,
    // API Gateway REST API methods, and HTTP/WebSocket API routes.
    ApiMethodAuthorizationType,
    ApiMethodHttpMethod,
    ApiRouteAuthorizationType,
    ApiRouteKey,
    // Identity pool role attachments; a role mapping's settings are read inside each mapping.
    RoleAttachmentIdentityPool,
    AuthenticatedRole,
    UnauthenticatedRole,
    RoleMappings,
    RoleMappingIdentityProvider,
    RoleMappingType,
    AmbiguousRoleResolution,
    // IAM roles and policies; an inline policy's document is read inside each entry.
    TrustPolicy,
    InlinePolicies,
    InlinePolicyDocument,
    ManagedPolicyArns,
    PolicyDocument,
    PolicyRoles,
    AttachmentRole,
    AttachmentPolicyArn,
}

/// A format's path to each property (`["Policies", "PasswordPolicy", "MinimumLength"]`).
pub(crate) type Names = fn(Prop) -> &'static [&'static str];

impl Prop {
    /// Where CloudFormation and Terraform write the property (`["Policies", "PasswordPolicy",
    /// "MinimumLength"]`, `["password_policy", "minimum_length"]`): the one table of both
    /// formats' names. An empty path: the format has no such property.
    const fn paths(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Prop::UserPoolTier => (&["UserPoolTier"], &["user_pool_tier"]),
            Prop::MfaConfiguration => (&["MfaConfiguration"], &["mfa_configuration"]),
            Prop::MinimumLength => (
                &["Policies", "PasswordPolicy", "MinimumLength"],
                &["password_policy", "minimum_length"],
            ),
            Prop::RequireUppercase => (
                &["Policies", "PasswordPolicy", "RequireUppercase"],
                &["password_policy", "require_uppercase"],
            ),
            Prop::RequireLowercase => (
                &["Policies", "PasswordPolicy", "RequireLowercase"],
                &["password_policy", "require_lowercase"],
            ),
            Prop::RequireNumbers => (
                &["Policies", "PasswordPolicy", "RequireNumbers"],
                &["password_policy", "require_numbers"],
            ),
            Prop::RequireSymbols => (
                &["Policies", "PasswordPolicy", "RequireSymbols"],
                &["password_policy", "require_symbols"],
            ),
            Prop::TemporaryPasswordValidityDays => (
                &[
                    "Policies",
                    "PasswordPolicy",
                    "TemporaryPasswordValidityDays",
                ],
                &["password_policy", "temporary_password_validity_days"],
            ),
            Prop::PasswordHistorySize => (
                &["Policies", "PasswordPolicy", "PasswordHistorySize"],
                &["password_policy", "password_history_size"],
            ),
            Prop::AdvancedSecurityMode => (
                &["UserPoolAddOns", "AdvancedSecurityMode"],
                &["user_pool_add_ons", "advanced_security_mode"],
            ),
            Prop::CustomAuthMode => (
                &[
                    "UserPoolAddOns",
                    "AdvancedSecurityAdditionalFlows",
                    "CustomAuthMode",
                ],
                &[
                    "user_pool_add_ons",
                    "advanced_security_additional_flows",
                    "custom_auth_mode",
                ],
            ),
            Prop::DeletionProtection => (&["DeletionProtection"], &["deletion_protection"]),
            Prop::AllowAdminCreateUserOnly => (
                &["AdminCreateUserConfig", "AllowAdminCreateUserOnly"],
                &["admin_create_user_config", "allow_admin_create_user_only"],
            ),
            Prop::UsernameCaseSensitive => (
                &["UsernameConfiguration", "CaseSensitive"],
                &["username_configuration", "case_sensitive"],
            ),
            Prop::ChallengeRequiredOnNewDevice => (
                &["DeviceConfiguration", "ChallengeRequiredOnNewDevice"],
                &["device_configuration", "challenge_required_on_new_device"],
            ),
            Prop::UsernameAttributes => (&["UsernameAttributes"], &["username_attributes"]),
            Prop::AliasAttributes => (&["AliasAttributes"], &["alias_attributes"]),
            Prop::AutoVerifiedAttributes => {
                (&["AutoVerifiedAttributes"], &["auto_verified_attributes"])
            }
            Prop::AttributesRequireVerificationBeforeUpdate => (
                &[
                    "UserAttributeUpdateSettings",
                    "AttributesRequireVerificationBeforeUpdate",
                ],
                &[
                    "user_attribute_update_settings",
                    "attributes_require_verification_before_update",
                ],
            ),
            Prop::RecoveryMechanisms => (
                &["AccountRecoverySetting", "RecoveryMechanisms"],
                &["account_recovery_setting", "recovery_mechanism"],
            ),
            Prop::RecoveryMechanismName => (&["Name"], &["name"]),
            Prop::RecoveryMechanismPriority => (&["Priority"], &["priority"]),
            Prop::EnabledMfas => (&["EnabledMfas"], &[]),
            Prop::SmsConfiguration => (&["SmsConfiguration"], &["sms_configuration"]),
            // CloudFormation lists the factors in `EnabledMfas`; Terraform has one block per factor.
            Prop::SoftwareTokenMfaEnabled => {
                (&[], &["software_token_mfa_configuration", "enabled"])
            }
            Prop::EmailMfaConfiguration => (&[], &["email_mfa_configuration"]),
            Prop::DefineAuthChallenge => (
                &["LambdaConfig", "DefineAuthChallenge"],
                &["lambda_config", "define_auth_challenge"],
            ),
            Prop::CreateAuthChallenge => (
                &["LambdaConfig", "CreateAuthChallenge"],
                &["lambda_config", "create_auth_challenge"],
            ),
            Prop::VerifyAuthChallengeResponse => (
                &["LambdaConfig", "VerifyAuthChallengeResponse"],
                &["lambda_config", "verify_auth_challenge_response"],
            ),
            Prop::AllowedFirstAuthFactors => (
                &["Policies", "SignInPolicy", "AllowedFirstAuthFactors"],
                &["sign_in_policy", "allowed_first_auth_factors"],
            ),
            Prop::ClientUserPool => (&["UserPoolId"], &["user_pool_id"]),
            Prop::GenerateSecret => (&["GenerateSecret"], &["generate_secret"]),
            Prop::ExplicitAuthFlows => (&["ExplicitAuthFlows"], &["explicit_auth_flows"]),
            Prop::AllowedOAuthFlows => (&["AllowedOAuthFlows"], &["allowed_oauth_flows"]),
            Prop::AllowedOAuthFlowsUserPoolClient => (
                &["AllowedOAuthFlowsUserPoolClient"],
                &["allowed_oauth_flows_user_pool_client"],
            ),
            Prop::AllowedOAuthScopes => (&["AllowedOAuthScopes"], &["allowed_oauth_scopes"]),
            Prop::CallbackUrls => (&["CallbackURLs"], &["callback_urls"]),
            Prop::LogoutUrls => (&["LogoutURLs"], &["logout_urls"]),
            Prop::PreventUserExistenceErrors => (
                &["PreventUserExistenceErrors"],
                &["prevent_user_existence_errors"],
            ),
            Prop::AccessTokenValidity => (&["AccessTokenValidity"], &["access_token_validity"]),
            Prop::IdTokenValidity => (&["IdTokenValidity"], &["id_token_validity"]),
            Prop::RefreshTokenValidity => (&["RefreshTokenValidity"], &["refresh_token_validity"]),
            Prop::AccessTokenUnit => (
                &["TokenValidityUnits", "AccessToken"],
                &["token_validity_units", "access_token"],
            ),
            Prop::IdTokenUnit => (
                &["TokenValidityUnits", "IdToken"],
                &["token_validity_units", "id_token"],
            ),
            Prop::RefreshTokenUnit => (
                &["TokenValidityUnits", "RefreshToken"],
                &["token_validity_units", "refresh_token"],
            ),
            Prop::EnableTokenRevocation => {
                (&["EnableTokenRevocation"], &["enable_token_revocation"])
            }
            Prop::DefaultRedirectUri => (&["DefaultRedirectURI"], &["default_redirect_uri"]),
            Prop::RefreshTokenRotation => (
                &["RefreshTokenRotation", "Feature"],
                &["refresh_token_rotation", "feature"],
            ),
            Prop::WriteAttributes => (&["WriteAttributes"], &["write_attributes"]),
            Prop::Schema => (&["Schema"], &["schema"]),
            Prop::SchemaAttributeName => (&["Name"], &["name"]),
            Prop::SchemaAttributeMutable => (&["Mutable"], &["mutable"]),
            Prop::AllowUnauthenticatedIdentities => (
                &["AllowUnauthenticatedIdentities"],
                &["allow_unauthenticated_identities"],
            ),
            Prop::AllowClassicFlow => (&["AllowClassicFlow"], &["allow_classic_flow"]),
            Prop::CognitoIdentityProviders => (
                &["CognitoIdentityProviders"],
                &["cognito_identity_providers"],
            ),
            Prop::IdentityProviderName => (&["ProviderName"], &["provider_name"]),
            Prop::IdentityProviderClient => (&["ClientId"], &["client_id"]),
            Prop::ServerSideTokenCheck => (&["ServerSideTokenCheck"], &["server_side_token_check"]),
            Prop::RiskUserPool => (&["UserPoolId"], &["user_pool_id"]),
            Prop::CompromisedCredentialsAction => (
                &[
                    "CompromisedCredentialsRiskConfiguration",
                    "Actions",
                    "EventAction",
                ],
                &[
                    "compromised_credentials_risk_configuration",
                    "actions",
                    "event_action",
                ],
            ),
            Prop::CompromisedCredentialsEvents => (
                &["CompromisedCredentialsRiskConfiguration", "EventFilter"],
                &["compromised_credentials_risk_configuration", "event_filter"],
            ),
            Prop::HighRiskAction => (
                &[
                    "AccountTakeoverRiskConfiguration",
                    "Actions",
                    "HighAction",
                    "EventAction",
                ],
                &[
                    "account_takeover_risk_configuration",
                    "actions",
                    "high_action",
                    "event_action",
                ],
            ),
            Prop::MediumRiskAction => (
                &[
                    "AccountTakeoverRiskConfiguration",
                    "Actions",
                    "MediumAction",
                    "EventAction",
                ],
                &[
                    "account_takeover_risk_configuration",
                    "actions",
                    "medium_action",
                    "event_action",
                ],
            ),
            Prop::LowRiskAction => (
                &[
                    "AccountTakeoverRiskConfiguration",
                    "Actions",
                    "LowAction",
                    "EventAction",
                ],
                &[
                    "account_takeover_risk_configuration",
                    "actions",
                    "low_action",
                    "event_action",
                ],
            ),
            Prop::SkippedIpRanges => (
                &["RiskExceptionConfiguration", "SkippedIPRangeList"],
                &["risk_exception_configuration", "skipped_ip_range_list"],
            ),
            Prop::WebAclResource => (&["ResourceArn"], &["resource_arn"]),
            Prop::LogDeliveryUserPool => (&["UserPoolId"], &["user_pool_id"]),
            Prop::LogConfigurations => (&["LogConfigurations"], &["log_configurations"]),
            Prop::LogEventSource => (&["EventSource"], &["event_source"]),
            Prop::LambdaPrincipal => (&["Principal"], &["principal"]),
            Prop::LambdaSourceArn => (&["SourceArn"], &["source_arn"]),
            Prop::SmsExternalId => (
                &["SmsConfiguration", "ExternalId"],
                &["sms_configuration", "external_id"],
            ),
            Prop::SmsRole => (
                &["SmsConfiguration", "SnsCallerArn"],
                &["sms_configuration", "sns_caller_arn"],
            ),
            Prop::IdpUserPool => (&["UserPoolId"], &["user_pool_id"]),
            Prop::IdpClientSecret => (
                &["ProviderDetails", "client_secret"],
                &["provider_details", "client_secret"],
            ),
            Prop::IdpPrivateKey => (
                &["ProviderDetails", "private_key"],
                &["provider_details", "private_key"],
            ),
            Prop::ApiMethodAuthorizationType => (&["AuthorizationType"], &["authorization"]),
            Prop::ApiMethodHttpMethod => (&["HttpMethod"], &["http_method"]),
            Prop::ApiRouteAuthorizationType => (&["AuthorizationType"], &["authorization_type"]),
            Prop::ApiRouteKey => (&["RouteKey"], &["route_key"]),
            Prop::RoleAttachmentIdentityPool => (&["IdentityPoolId"], &["identity_pool_id"]),
            Prop::AuthenticatedRole => (&["Roles", "authenticated"], &["roles", "authenticated"]),
            Prop::UnauthenticatedRole => {
                (&["Roles", "unauthenticated"], &["roles", "unauthenticated"])
            }
            Prop::RoleMappings => (&["RoleMappings"], &["role_mapping"]),
            Prop::RoleMappingIdentityProvider => (&["IdentityProvider"], &["identity_provider"]),
            Prop::RoleMappingType => (&["Type"], &["type"]),
            Prop::AmbiguousRoleResolution => {
                (&["AmbiguousRoleResolution"], &["ambiguous_role_resolution"])
            }
            Prop::TrustPolicy => (&["AssumeRolePolicyDocument"], &["assume_role_policy"]),
            Prop::InlinePolicies => (&["Policies"], &["inline_policy"]),
            Prop::InlinePolicyDocument => (&["PolicyDocument"], &["policy"]),
            Prop::ManagedPolicyArns => (&["ManagedPolicyArns"], &["managed_policy_arns"]),
            Prop::PolicyDocument => (&["PolicyDocument"], &["policy"]),
            // `AWS::IAM::RolePolicy` names its one role `RoleName` (see the CloudFormation front end).
            Prop::PolicyRoles => (&["Roles"], &["role"]),
            // Terraform's `aws_iam_role_policy_attachment` has no CloudFormation resource.
            Prop::AttachmentRole => (&["Role"], &["role"]),
            Prop::AttachmentPolicyArn => (&["PolicyArn"], &["policy_arn"]),
        }
    }

    /// The property's path in a CloudFormation resource's `Properties`.
    pub(crate) fn cloudformation(self) -> &'static [&'static str] {
        self.paths().0
    }

    /// The property's path in a Terraform resource's body.
    pub(crate) fn terraform(self) -> &'static [&'static str] {
        self.paths().1
    }
}

//! What AWS uses when a property is omitted: the one table of defaults.
//!
//! Each entry cites the AWS API reference that states it. The API's defaults hold for
//! CloudFormation too; where a front end differs (Terraform's provider), it says so itself.

use crate::values::{
    AdvancedSecurityMode, DeletionProtection, ExplicitAuthFlow, MfaConfiguration,
    PreventUserExistenceErrors, TokenUnit, UserPoolTier,
};

/// One default: the value, and the AWS page that documents it.
#[derive(Clone, Copy, Debug)]
pub struct AwsDefault<T> {
    pub value: T,
    pub doc: &'static str,
}

const CREATE_USER_POOL: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html";
const PASSWORD_POLICY: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html";
const ADD_ONS: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolAddOnsType.html";
const ADDITIONAL_FLOWS: &str = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdvancedSecurityAdditionalFlowsType.html";
const CREATE_CLIENT: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html";
const SCHEMA_ATTRIBUTE: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SchemaAttributeType.html";
const TOKEN_UNITS: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html";

pub const MFA_CONFIGURATION: AwsDefault<MfaConfiguration> = AwsDefault {
    value: MfaConfiguration::Off,
    doc: CREATE_USER_POOL,
};
pub const ADVANCED_SECURITY_MODE: AwsDefault<AdvancedSecurityMode> = AwsDefault {
    value: AdvancedSecurityMode::Off,
    doc: ADD_ONS,
};
/// Custom authentication flows are only monitored unless enforcement is set explicitly.
pub const CUSTOM_AUTH_MODE: AwsDefault<AdvancedSecurityMode> = AwsDefault {
    value: AdvancedSecurityMode::Audit,
    doc: ADDITIONAL_FLOWS,
};
pub const USER_POOL_TIER: AwsDefault<UserPoolTier> = AwsDefault {
    value: UserPoolTier::Essentials,
    doc: CREATE_USER_POOL,
};
pub const DELETION_PROTECTION: AwsDefault<DeletionProtection> = AwsDefault {
    value: DeletionProtection::Inactive,
    doc: CREATE_USER_POOL,
};

pub const PASSWORD_MINIMUM_LENGTH: AwsDefault<u32> = AwsDefault {
    value: 8,
    doc: PASSWORD_POLICY,
};
/// AWS requires every character class when the password policy, or the flag within it, is
/// omitted. The API reference is silent on a flag omitted from a written policy; pools created
/// so read back `true` (and a minimum length of 8), which is what this table records.
pub const PASSWORD_REQUIRE_CHARACTER_CLASS: AwsDefault<bool> = AwsDefault {
    value: true,
    doc: PASSWORD_POLICY,
};
/// 7 days; a value of 0 is treated as omitted.
/// Terraform's provider sends `false` for a `require_*` flag left out of a written
/// `password_policy` block (it expands every attribute of the block), unlike the API default.
pub const TERRAFORM_PASSWORD_REQUIRE_CHARACTER_CLASS_IN_BLOCK: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#password_policy",
};
/// 7 days; a value of 0 is treated as omitted.
pub const TEMPORARY_PASSWORD_VALIDITY_DAYS: AwsDefault<u32> = AwsDefault {
    value: 7,
    doc: PASSWORD_POLICY,
};
/// The validity AWS applies for a written `TemporaryPasswordValidityDays`: 0 means "not set".
pub fn effective_temporary_password_validity_days(days: u32) -> u32 {
    if days == 0 {
        TEMPORARY_PASSWORD_VALIDITY_DAYS.value
    } else {
        days
    }
}

pub const PASSWORD_HISTORY_SIZE: AwsDefault<u32> = AwsDefault {
    value: 0,
    doc: PASSWORD_POLICY,
};
/// Without `AllowAdminCreateUserOnly`, anyone may sign up.
pub const ALLOW_ADMIN_CREATE_USER_ONLY: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: CREATE_USER_POOL,
};
pub const USERNAME_CASE_SENSITIVE: AwsDefault<bool> = AwsDefault {
    value: true,
    doc: CREATE_USER_POOL,
};

const DEVICE_CONFIGURATION: &str = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceConfigurationType.html";
/// Without a device configuration, devices are not remembered (a value for any of its
/// properties turns device remembering on).
pub const DEVICE_REMEMBERING_OFF: AwsDefault<Option<bool>> = AwsDefault {
    value: None,
    doc: DEVICE_CONFIGURATION,
};
/// In a written device configuration, new devices are not challenged unless asked for.
pub const CHALLENGE_REQUIRED_ON_NEW_DEVICE: AwsDefault<Option<bool>> = AwsDefault {
    value: Some(false),
    doc: DEVICE_CONFIGURATION,
};
/// No username attributes, aliases or automatically verified attributes unless listed.
pub const NO_USER_ATTRIBUTES: AwsDefault<&[crate::UserAttribute]> = AwsDefault {
    value: &[],
    doc: CREATE_USER_POOL,
};
/// Without `UserAttributeUpdateSettings`, a new email address or phone number applies at once,
/// before it is verified.
pub const ATTRIBUTES_REQUIRE_VERIFICATION_BEFORE_UPDATE: AwsDefault<&[crate::UserAttribute]> =
    AwsDefault {
        value: &[],
        doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserAttributeUpdateSettingsType.html",
    };
/// Without `AccountRecoverySetting`, Cognito uses its legacy recovery: a code by SMS when the
/// user has a verified phone number, else by email.
pub const ACCOUNT_RECOVERY_LEGACY: AwsDefault<()> = AwsDefault {
    value: (),
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountRecoverySettingType.html",
};
/// A recovery mechanism's name and priority are required: without them there is no value
/// (the deployment fails).
pub const RECOVERY_MECHANISM_REQUIRED: AwsDefault<Option<()>> = AwsDefault {
    value: None,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RecoveryOptionType.html",
};

/// CloudFormation's `EnabledMfas` omitted lists no factor; an `SmsConfiguration` then still
/// enables SMS (the API's behaviour from before `EnabledMfas` existed, RULES.md).
pub const ENABLED_MFAS: AwsDefault<&[crate::MfaFactor]> = AwsDefault {
    value: &[],
    doc: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html#cfn-cognito-userpool-enabledmfas",
};
/// An MFA factor whose configuration (SMS, email) is not written is not offered.
pub const MFA_FACTOR_CONFIGURED: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html",
};
/// Authenticator-app (TOTP) MFA is off unless enabled.
pub const SOFTWARE_TOKEN_MFA_ENABLED: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SoftwareTokenMfaConfigType.html",
};
/// A Lambda trigger that is not written is not invoked.
pub const LAMBDA_TRIGGER_SET: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html",
};
/// Without a sign-in policy users sign in with a password only.
pub const ALLOWED_FIRST_AUTH_FACTORS: AwsDefault<&[crate::AuthFactor]> = AwsDefault {
    value: &[crate::AuthFactor::Password],
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignInPolicyType.html",
};

pub const EXPLICIT_AUTH_FLOWS: AwsDefault<&[ExplicitAuthFlow]> = AwsDefault {
    value: &[
        ExplicitAuthFlow::AllowUserSrpAuth,
        ExplicitAuthFlow::AllowCustomAuth,
        ExplicitAuthFlow::AllowRefreshTokenAuth,
    ],
    doc: CREATE_CLIENT,
};
/// The API, CloudFormation and Terraform use LEGACY; only the console picks ENABLED.
pub const PREVENT_USER_EXISTENCE_ERRORS: AwsDefault<PreventUserExistenceErrors> = AwsDefault {
    value: PreventUserExistenceErrors::Legacy,
    doc: CREATE_CLIENT,
};
/// Access and ID tokens: one hour when no validity is given.
pub const ACCESS_TOKEN_VALIDITY: AwsDefault<TokenValidity> = AwsDefault {
    value: TokenValidity::new(60, TokenUnit::Minutes),
    doc: CREATE_CLIENT,
};
pub const ID_TOKEN_VALIDITY: AwsDefault<TokenValidity> = AwsDefault {
    value: TokenValidity::new(60, TokenUnit::Minutes),
    doc: CREATE_CLIENT,
};
pub const REFRESH_TOKEN_VALIDITY: AwsDefault<TokenValidity> = AwsDefault {
    value: TokenValidity::new(30, TokenUnit::Days),
    doc: CREATE_CLIENT,
};
pub const ACCESS_TOKEN_UNIT: AwsDefault<TokenUnit> = AwsDefault {
    value: TokenUnit::Hours,
    doc: TOKEN_UNITS,
};
pub const ID_TOKEN_UNIT: AwsDefault<TokenUnit> = AwsDefault {
    value: TokenUnit::Hours,
    doc: TOKEN_UNITS,
};
pub const REFRESH_TOKEN_UNIT: AwsDefault<TokenUnit> = AwsDefault {
    value: TokenUnit::Days,
    doc: TOKEN_UNITS,
};
pub const ENABLE_TOKEN_REVOCATION: AwsDefault<bool> = AwsDefault {
    value: true,
    doc: CREATE_CLIENT,
};
/// Refresh tokens are reused until they expire unless rotation is turned on.
pub const REFRESH_TOKEN_ROTATION: AwsDefault<crate::RefreshTokenRotation> = AwsDefault {
    value: crate::RefreshTokenRotation::Disabled,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html",
};
/// Without `WriteAttributes` a client may write every mutable attribute.
pub const WRITE_ATTRIBUTES: AwsDefault<&[String]> = AwsDefault {
    value: &[],
    doc: CREATE_CLIENT,
};
/// A pool without `Schema` has the standard attributes only.
pub const SCHEMA: AwsDefault<&[String]> = AwsDefault {
    value: &[],
    doc: CREATE_USER_POOL,
};
/// The name of a schema attribute is required: without it the entry has no name.
pub const SCHEMA_ATTRIBUTE_NAME: AwsDefault<Option<String>> = AwsDefault {
    value: None,
    doc: SCHEMA_ATTRIBUTE,
};
/// An attribute written in the schema without `Mutable` is immutable (only attributes left out
/// of the schema are mutable); Terraform's provider sends `false` for an omitted `mutable` too.
pub const SCHEMA_ATTRIBUTE_MUTABLE: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: SCHEMA_ATTRIBUTE,
};
/// No default redirect URI: the authorization server needs `redirect_uri` in each request.
pub const DEFAULT_REDIRECT_URI: AwsDefault<Option<String>> = AwsDefault {
    value: None,
    doc: CREATE_CLIENT,
};
/// No OAuth grant unless one is listed.
pub const ALLOWED_OAUTH_FLOWS: AwsDefault<&[crate::OAuthFlow]> = AwsDefault {
    value: &[],
    doc: CREATE_CLIENT,
};
pub const GENERATE_SECRET: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: CREATE_CLIENT,
};

/// An SMS configuration without `ExternalId`: Cognito assumes the SNS role without one.
pub const SMS_EXTERNAL_ID: AwsDefault<Option<String>> = AwsDefault {
    value: None,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SmsConfigurationType.html",
};
/// An identity provider's details without `client_secret` or `private_key`: none is given.
pub const IDENTITY_PROVIDER_SECRET: AwsDefault<Option<crate::Secret>> = AwsDefault {
    value: None,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html",
};
/// A REST API method without `AuthorizationType` is open to everyone (`NONE`).
pub const API_METHOD_AUTHORIZATION_TYPE: AwsDefault<&str> = AwsDefault {
    value: "NONE",
    doc: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-method.html",
};
/// An HTTP or WebSocket API route without `AuthorizationType` is open to everyone (`NONE`).
pub const API_ROUTE_AUTHORIZATION_TYPE: AwsDefault<&str> = AwsDefault {
    value: "NONE",
    doc: "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html",
};
/// A method or route always names its HTTP method or route key; without one the deployment
/// fails, so nothing is assumed.
pub const API_HTTP_METHOD: AwsDefault<Option<String>> = AwsDefault {
    value: None,
    doc: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-method.html",
};

const CREATE_IDENTITY_POOL: &str =
    "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html";
const COGNITO_IDENTITY_PROVIDER: &str =
    "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CognitoIdentityProvider.html";
const COMPROMISED_CREDENTIALS: &str = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompromisedCredentialsRiskConfigurationType.html";
const ACCOUNT_TAKEOVER_ACTIONS: &str = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionsType.html";
const RISK_EXCEPTIONS: &str = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html";

/// Guest (unauthenticated) identities. The API and CloudFormation require the property (a
/// template without it is rejected, so no guest access is deployed); Terraform's provider sends
/// `false` when it is omitted.
pub const ALLOW_UNAUTHENTICATED_IDENTITIES: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: CREATE_IDENTITY_POOL,
};
/// The basic (classic) authentication flow is off unless enabled.
pub const ALLOW_CLASSIC_FLOW: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: CREATE_IDENTITY_POOL,
};
/// An identity pool does not ask the user pool whether a token was revoked unless told to.
pub const SERVER_SIDE_TOKEN_CHECK: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: COGNITO_IDENTITY_PROVIDER,
};
/// No user pool provider unless one is listed.
pub const COGNITO_IDENTITY_PROVIDERS: AwsDefault<()> = AwsDefault {
    value: (),
    doc: CREATE_IDENTITY_POOL,
};
/// Compromised-credentials actions apply to every event when no filter is given.
pub const COMPROMISED_CREDENTIALS_EVENT_FILTER: AwsDefault<&[crate::RiskEvent]> = AwsDefault {
    value: &[
        crate::RiskEvent::SignIn,
        crate::RiskEvent::PasswordChange,
        crate::RiskEvent::SignUp,
    ],
    doc: COMPROMISED_CREDENTIALS,
};
/// A compromised-credentials configuration left out: none is set. The API documents no action
/// for this case, so the model records "not configured" rather than guess one.
pub const COMPROMISED_CREDENTIALS_ACTION: AwsDefault<Option<crate::CompromisedCredentialsAction>> =
    AwsDefault {
        value: None,
        doc: COMPROMISED_CREDENTIALS,
    };
/// An account-takeover action left out (each level is optional): none is set, and the API
/// documents no action for that level.
pub const ACCOUNT_TAKEOVER_ACTION: AwsDefault<Option<crate::AccountTakeoverAction>> = AwsDefault {
    value: None,
    doc: ACCOUNT_TAKEOVER_ACTIONS,
};
/// No IP range is exempt from risk detection unless listed.
pub const SKIPPED_IP_RANGES: AwsDefault<&[String]> = AwsDefault {
    value: &[],
    doc: RISK_EXCEPTIONS,
};

const SET_LOG_DELIVERY_CONFIGURATION: &str =
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html";
const LAMBDA_ADD_PERMISSION: &str =
    "https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html";
/// A log delivery configuration without `LogConfigurations` exports nothing.
pub const LOG_CONFIGURATIONS: AwsDefault<()> = AwsDefault {
    value: (),
    doc: SET_LOG_DELIVERY_CONFIGURATION,
};
/// A log configuration's event source is required; without it the deployment fails.
pub const LOG_EVENT_SOURCE: AwsDefault<Option<crate::LogEventSource>> = AwsDefault {
    value: None,
    doc: "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html",
};
/// A Lambda permission's principal is required.
pub const LAMBDA_PERMISSION_PRINCIPAL: AwsDefault<Option<String>> = AwsDefault {
    value: None,
    doc: LAMBDA_ADD_PERMISSION,
};
/// Without a source ARN, a permission for a service principal lets that service invoke the
/// function on behalf of any resource, in any account.
pub const LAMBDA_PERMISSION_SOURCE_ARN: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: LAMBDA_ADD_PERMISSION,
};

/// A token lifetime: an amount in a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenValidity {
    pub amount: u32,
    pub unit: TokenUnit,
}

impl TokenValidity {
    pub const fn new(amount: u32, unit: TokenUnit) -> Self {
        Self { amount, unit }
    }

    pub fn seconds(self) -> u64 {
        u64::from(self.amount) * self.unit.seconds()
    }
}

impl std::fmt::Display for TokenValidity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = self.unit.as_str();
        let unit = if self.amount == 1 {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        write!(f, "{} {unit}", self.amount)
    }
}

const IAM_ROLE: &str = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html";
const SET_IDENTITY_POOL_ROLES: &str =
    "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html";
const ROLE_MAPPING: &str =
    "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RoleMapping.html";

/// A role has no inline or managed policy unless one is given.
pub const ROLE_POLICIES: AwsDefault<()> = AwsDefault {
    value: (),
    doc: IAM_ROLE,
};
/// An identity pool gives no role to a kind of identity that `Roles` leaves out.
pub const IDENTITY_POOL_ROLES: AwsDefault<()> = AwsDefault {
    value: (),
    doc: SET_IDENTITY_POOL_ROLES,
};
/// Role mappings: none unless given; within one, `Type` and `AmbiguousRoleResolution` have no
/// default (the API requires `Type`, and `AmbiguousRoleResolution` with `Token` or `Rules`).
pub const ROLE_MAPPING_SETTING: AwsDefault<()> = AwsDefault {
    value: (),
    doc: ROLE_MAPPING,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_validity_reads_naturally() {
        assert_eq!(ACCESS_TOKEN_VALIDITY.value.to_string(), "60 minutes");
        assert_eq!(TokenValidity::new(1, TokenUnit::Days).to_string(), "1 day");
        assert_eq!(REFRESH_TOKEN_VALIDITY.value.seconds(), 30 * 86_400);
    }
}

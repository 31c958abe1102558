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
/// No OAuth grant unless one is listed.
pub const ALLOWED_OAUTH_FLOWS: AwsDefault<&[crate::OAuthFlow]> = AwsDefault {
    value: &[],
    doc: CREATE_CLIENT,
};
pub const GENERATE_SECRET: AwsDefault<bool> = AwsDefault {
    value: false,
    doc: CREATE_CLIENT,
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

//! The enumerations of the Cognito API, spelled as AWS spells them.
//!
//! Parsing ignores case: RULES.md decides that rules judge what the author meant, while a
//! separate check reports spellings the deployment would reject.

use std::fmt;

macro_rules! api_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the API's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as the API spells it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads a value written in any case.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(text.trim()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

api_enum! {
    /// Whether users must, may or cannot use multi-factor authentication.
    MfaConfiguration { Off = "OFF", On = "ON", Optional = "OPTIONAL" }
}

api_enum! {
    /// Threat protection (formerly advanced security features).
    AdvancedSecurityMode { Off = "OFF", Audit = "AUDIT", Enforced = "ENFORCED" }
}

api_enum! {
    /// The feature plan of a user pool.
    UserPoolTier { Lite = "LITE", Essentials = "ESSENTIALS", Plus = "PLUS" }
}

api_enum! {
    DeletionProtection { Active = "ACTIVE", Inactive = "INACTIVE" }
}

api_enum! {
    /// A second factor a user pool offers for MFA (CloudFormation's `EnabledMfas`).
    MfaFactor { Sms = "SMS_MFA", SoftwareToken = "SOFTWARE_TOKEN_MFA", Email = "EMAIL_OTP" }
}

api_enum! {
    /// A way to start signing in (choice-based sign-in, the sign-in policy).
    AuthFactor { Password = "PASSWORD", EmailOtp = "EMAIL_OTP", SmsOtp = "SMS_OTP", WebAuthn = "WEB_AUTHN" }
}

api_enum! {
    /// OAuth 2.0 grant types an app client may use.
    OAuthFlow { Code = "code", Implicit = "implicit", ClientCredentials = "client_credentials" }
}

api_enum! {
    /// How the client answers for users that do not exist.
    PreventUserExistenceErrors { Enabled = "ENABLED", Legacy = "LEGACY" }
}

api_enum! {
    /// Authentication flows an app client allows (the legacy names included).
    ExplicitAuthFlow {
        AllowUserSrpAuth = "ALLOW_USER_SRP_AUTH",
        AllowUserPasswordAuth = "ALLOW_USER_PASSWORD_AUTH",
        AllowAdminUserPasswordAuth = "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        AllowCustomAuth = "ALLOW_CUSTOM_AUTH",
        AllowRefreshTokenAuth = "ALLOW_REFRESH_TOKEN_AUTH",
        AllowUserAuth = "ALLOW_USER_AUTH",
        AdminNoSrpAuth = "ADMIN_NO_SRP_AUTH",
        CustomAuthFlowOnly = "CUSTOM_AUTH_FLOW_ONLY",
        UserPasswordAuth = "USER_PASSWORD_AUTH",
    }
}

api_enum! {
    /// Whether an app client issues a new refresh token each time one is used.
    RefreshTokenRotation { Enabled = "ENABLED", Disabled = "DISABLED" }
}

api_enum! {
    /// The unit of a token validity.
    TokenUnit { Seconds = "seconds", Minutes = "minutes", Hours = "hours", Days = "days" }
}

impl TokenUnit {
    pub fn seconds(self) -> u64 {
        match self {
            TokenUnit::Seconds => 1,
            TokenUnit::Minutes => 60,
            TokenUnit::Hours => 3600,
            TokenUnit::Days => 86_400,
        }
    }
}

api_enum! {
    /// What a risk configuration does when a sign-in uses credentials found in a breach.
    CompromisedCredentialsAction { Block = "BLOCK", NoAction = "NO_ACTION" }
}

api_enum! {
    /// What a risk configuration does with a sign-in that threat protection scores as an
    /// account-takeover risk (per level: high, medium, low).
    AccountTakeoverAction {
        Block = "BLOCK",
        MfaIfConfigured = "MFA_IF_CONFIGURED",
        MfaRequired = "MFA_REQUIRED",
        NoAction = "NO_ACTION",
    }
}

api_enum! {
    /// The user activities that compromised-credentials detection acts on.
    RiskEvent { SignIn = "SIGN_IN", PasswordChange = "PASSWORD_CHANGE", SignUp = "SIGN_UP" }
}

api_enum! {
    /// The standard attributes that sign-in, aliases and verification settings name.
    /// (`preferred_username` is only ever an alias.)
    UserAttribute {
        Email = "email",
        PhoneNumber = "phone_number",
        PreferredUsername = "preferred_username",
    }
}

api_enum! {
    /// Where a forgotten-password code can be sent.
    RecoveryOption {
        VerifiedEmail = "verified_email",
        VerifiedPhoneNumber = "verified_phone_number",
        AdminOnly = "admin_only",
    }
}

api_enum! {
    /// The logs a user pool exports: message-delivery errors, or (Plus tier) the user activity
    /// that threat protection records.
    LogEventSource {
        UserNotification = "userNotification",
        UserAuthEvents = "userAuthEvents",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_ignores_case_and_spaces() {
        assert_eq!(
            MfaConfiguration::parse("Optional"),
            Some(MfaConfiguration::Optional)
        );
        assert_eq!(OAuthFlow::parse(" IMPLICIT "), Some(OAuthFlow::Implicit));
        assert_eq!(MfaConfiguration::parse("maybe"), None);
        assert_eq!(AdvancedSecurityMode::Audit.to_string(), "AUDIT");
    }
}

use coglint_model::{MfaConfiguration, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose MFA is `ON` or `OPTIONAL` while no second factor is enabled: no
    /// authenticator app (TOTP), no SMS and no email one-time code. In CloudFormation the
    /// factors are `EnabledMfas` (with `EnabledMfas` omitted, an `SmsConfiguration` alone
    /// enables SMS); in Terraform they are `software_token_mfa_configuration { enabled = true }`,
    /// `sms_configuration` and `email_mfa_configuration`.
    ///
    /// ## Why is this bad?
    /// MFA without a factor protects nothing. Depending on the path, the deployment is
    /// rejected, or the pool is created with MFA that no user can set up: `OPTIONAL` then means
    /// nobody has a second factor, and `ON` locks out every user who has none. Either way the
    /// template says MFA while the accounts are guarded by a password alone.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `EnabledMfas: [SOFTWARE_TOKEN_MFA]` (add `EMAIL_OTP` or `SMS_MFA`
    ///   with their email or SMS configuration if users need them).
    /// - Terraform: `software_token_mfa_configuration { enabled = true }`.
    /// - CDK: `mfaSecondFactor: { otp: true, sms: false }`.
    ///
    /// ## References
    /// - [Adding MFA to a user pool](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html)
    /// - [AWS::Cognito::UserPool EnabledMfas](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html#cfn-cognito-userpool-enabledmfas)
    pub MfaWithoutFactor {
        code: "COG103",
        name: "mfa-without-factor",
        severity: High,
        category: SignIn,
        summary: "MFA is ON or OPTIONAL but no factor is enabled (no TOTP, no SMS configuration, no email OTP)",
        fix: "enable a second factor: `EnabledMfas: [SOFTWARE_TOKEN_MFA]` (Terraform `software_token_mfa_configuration { enabled = true }`)",
        cdk_fix: "mfaSecondFactor: { otp: true, sms: false }",
        related: ["KICS Cognito UserPool Without MFA"],
    }
}

impl Rule for MfaWithoutFactor {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let factors = &pool.mfa_factors;
            let no_factor = factors
                .sms
                .zip(&factors.totp, |sms, totp| !sms && !totp)
                .zip(&factors.email, |none, email| *none && !email);
            if !no_factor.may_be_true() {
                continue;
            }
            // The finding points at the MFA setting, which promises what no factor delivers.
            let mfa = pool
                .mfa_configuration
                .zip(&no_factor, |mfa, none| (*mfa, *none));
            let verdict = mfa.fails_when(|(mfa, none)| *mfa != MfaConfiguration::Off && *none);
            ctx.report(&pool.meta, "MFA", verdict, |(mfa, _)| {
                Described::new(
                    format!(
                        "MFA is {} for user pool `{}` but no second factor is enabled",
                        if *mfa == MfaConfiguration::On {
                            "required"
                        } else {
                            "optional"
                        },
                        pool.meta.display_name()
                    ),
                    format!("`{mfa}` with no factor"),
                )
            });
        }
    }
}

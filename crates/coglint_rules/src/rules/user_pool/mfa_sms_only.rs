use coglint_model::{MfaConfiguration, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool with MFA `ON` or `OPTIONAL` whose only second factor is a code sent by
    /// SMS: no authenticator app (TOTP) and no email one-time code. In CloudFormation that is
    /// `EnabledMfas: [SMS_MFA]`, or `EnabledMfas` omitted with an `SmsConfiguration`; in
    /// Terraform an `sms_configuration` without `software_token_mfa_configuration { enabled =
    /// true }` or `email_mfa_configuration`. It is also what the CDK synthesizes when `mfa` is
    /// set without `mfaSecondFactor`.
    ///
    /// ## Why is this bad?
    /// SMS codes can be taken over without touching the user's device: SIM swapping and number
    /// porting move the phone number to the attacker, and SS7 interception and SMS-forwarding
    /// malware read the message. NIST SP 800-63B restricts SMS as an authenticator. SMS also
    /// costs money per message and is open to SMS pumping fraud. An authenticator app gives a
    /// factor that stays on the user's device.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SMS_MFA]
    ///       SmsConfiguration:
    ///         SnsCallerArn: arn:aws:iam::111111111111:role/cognito-sms
    ///         ExternalId: cognito-sms
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA, SMS_MFA]
    ///       SmsConfiguration:
    ///         SnsCallerArn: arn:aws:iam::111111111111:role/cognito-sms
    ///         ExternalId: cognito-sms
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: add `SOFTWARE_TOKEN_MFA` to `EnabledMfas` (and drop `SMS_MFA` where
    ///   users can use an app).
    /// - Terraform: `software_token_mfa_configuration { enabled = true }`.
    /// - CDK: `mfaSecondFactor: { otp: true, sms: false }`.
    ///
    /// ## References
    /// - [SMS and email message MFA](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html)
    /// - [TOTP software token MFA](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html)
    /// - [NIST SP 800-63B, 5.1.3.3](https://pages.nist.gov/800-63-3/sp800-63b.html#pstnOOB)
    pub MfaSmsOnly {
        code: "COG104",
        name: "mfa-sms-only",
        severity: Medium,
        category: SignIn,
        summary: "SMS is the only MFA factor (SIM swapping); the CDK default when MFA is set without factors",
        fix: "enable TOTP MFA: add `SOFTWARE_TOKEN_MFA` to `EnabledMfas` (Terraform `software_token_mfa_configuration { enabled = true }`)",
        cdk_fix: "mfaSecondFactor: { otp: true, sms: false }",
        related: [],
    }
}

impl Rule for MfaSmsOnly {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let factors = &pool.mfa_factors;
            // The finding points at what enables SMS: `EnabledMfas` or the SMS configuration.
            let sms_only = factors
                .sms
                .zip(&factors.totp, |sms, totp| *sms && !totp)
                .zip(&factors.email, |sms_only, email| *sms_only && !email);
            if !sms_only.may_be_true() {
                continue;
            }
            let sms_only = sms_only.zip(&pool.mfa_configuration, |sms_only, mfa| (*sms_only, *mfa));
            let verdict = sms_only.fails_when(|(only, mfa)| *only && *mfa != MfaConfiguration::Off);
            ctx.report(&pool.meta, "the only MFA factor", verdict, |_| {
                Described::new(
                    format!(
                        "SMS is the only MFA factor of user pool `{}`: codes can be taken with the phone number",
                        pool.meta.display_name()
                    ),
                    "SMS",
                )
            });
        }
    }
}

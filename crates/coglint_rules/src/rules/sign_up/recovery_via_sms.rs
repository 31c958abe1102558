use coglint_model::{first_recovery_mechanism, Check, Model, RecoveryOption};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose account recovery sends its code by SMS first: the recovery
    /// mechanism with the lowest priority in `AccountRecoverySetting.RecoveryMechanisms` is
    /// `verified_phone_number`, or `AccountRecoverySetting` is omitted (AWS then uses its legacy
    /// behaviour, which prefers SMS over email), and the pool can send SMS: it has an
    /// `SmsConfiguration` (the IAM role Cognito sends text messages with). A pool without one
    /// cannot text a code, so recovery codes go by email and it is not flagged.
    ///
    /// ## Why is this bad?
    /// A password-reset code is as good as the password. Codes sent by SMS can be taken over by
    /// SIM swapping, number porting or SS7 interception, attacks that need no access to the
    /// user's device. Email (or recovery by an administrator only) is the safer first choice;
    /// SMS can remain as the second.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       SmsConfiguration:
    ///         SnsCallerArn: arn:aws:iam::111111111111:role/cognito-sms
    ///         ExternalId: cognito-sms
    ///       AccountRecoverySetting:
    ///         RecoveryMechanisms:
    ///           - Name: verified_phone_number
    ///             Priority: 1
    ///           - Name: verified_email
    ///             Priority: 2
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       SmsConfiguration:
    ///         SnsCallerArn: arn:aws:iam::111111111111:role/cognito-sms
    ///         ExternalId: cognito-sms
    ///       AccountRecoverySetting:
    ///         RecoveryMechanisms:
    ///           - Name: verified_email
    ///             Priority: 1
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AccountRecoverySetting: { RecoveryMechanisms: [{ Name: verified_email, Priority: 1 }] }`.
    /// - Terraform: `account_recovery_setting { recovery_mechanism { name = "verified_email" priority = 1 } }`.
    /// - CDK: `accountRecovery: cognito.AccountRecovery.EMAIL_ONLY`.
    ///
    /// ## References
    /// - [AccountRecoverySettingType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountRecoverySettingType.html)
    /// - [Recovering user accounts](https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html)
    pub RecoveryViaSms {
        code: "COG502",
        name: "recovery-via-sms",
        severity: Low,
        category: SignUp,
        group: Hardening,
        summary: "The pool can send SMS and account recovery sends its code by SMS first (or AccountRecoverySetting is omitted: SMS before email)",
        fix: "make `verified_email` (or `admin_only`) the recovery mechanism with priority 1 in `AccountRecoverySetting` (Terraform `account_recovery_setting`)",
        cdk_fix: "accountRecovery: cognito.AccountRecovery.EMAIL_ONLY",
        related: [],
    }
}

impl Rule for RecoveryViaSms {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // Without an SMS configuration no code goes by SMS, whatever the order says.
            if !pool.sms_configured.may_be_true() {
                continue;
            }
            let recovery = pool
                .recovery_mechanisms
                .zip(&pool.sms_configured, |mechanisms, sms| {
                    (mechanisms.clone(), *sms)
                });
            let verdict = recovery.check(|(mechanisms, sms)| {
                if !*sms {
                    return Check::Pass;
                }
                let Some(mechanisms) = mechanisms else {
                    // The legacy behaviour: SMS when the user has a verified phone number.
                    return Check::Fail;
                };
                match first_recovery_mechanism(mechanisms) {
                    Some(first) if first.value.option == RecoveryOption::VerifiedPhoneNumber => {
                        first.at.map_or(Check::Fail, Check::FailAt)
                    }
                    _ => Check::Pass,
                }
            });
            ctx.report(
                &pool.meta,
                "the first recovery mechanism",
                verdict,
                |(mechanisms, _)| {
                    let value = match mechanisms {
                        None => "the legacy order, SMS before email".to_string(),
                        Some(_) => format!("`{}`", RecoveryOption::VerifiedPhoneNumber),
                    };
                    Described::new(
                        format!(
                            "user pool `{}` sends password-reset codes by SMS first",
                            pool.meta.display_name()
                        ),
                        value,
                    )
                },
            );
        }
    }
}

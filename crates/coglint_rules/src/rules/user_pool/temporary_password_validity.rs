use coglint_model::defaults::effective_temporary_password_validity_days;
use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a temporary password that stays valid longer than the threshold (1 day by default,
    /// the option `max-days`). AWS uses 7 days when `TemporaryPasswordValidityDays` is omitted,
    /// or 0 (which the API reads as not set).
    ///
    /// ## Why is this bad?
    /// An administrator-created user receives a temporary password by email or SMS. Until it is
    /// used, anyone who reads that message (a shared mailbox, a forwarded email, a leaked
    /// backup) can take the account. A short validity closes that window.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 14
    ///           TemporaryPasswordValidityDays: 7
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 14
    ///           TemporaryPasswordValidityDays: 1
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `Policies.PasswordPolicy.TemporaryPasswordValidityDays: 1`.
    /// - Terraform: `password_policy { temporary_password_validity_days = 1 }`.
    /// - CDK: `passwordPolicy: { tempPasswordValidity: Duration.days(1) }`.
    ///
    /// ## References
    /// - [PasswordPolicyType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html)
    pub TemporaryPasswordValidity {
        code: "COG112",
        name: "temporary-password-validity",
        severity: Low,
        category: SignIn,
        group: Hardening,
        summary: "Temporary passwords valid longer than the threshold (default 1 day; omitted = 7)",
        fix: "set `TemporaryPasswordValidityDays` (Terraform `temporary_password_validity_days`) to 1",
        cdk_fix: "passwordPolicy: { tempPasswordValidity: Duration.days(1) }",
        related: ["Security Hub Cognito.3"],
        options: [
            MAX_DAYS: Integer {
                key: "max-days",
                default: 1,
                range: 1..=365,
                doc: "The longest acceptable validity of a temporary password, in days.",
            },
        ],
    }
}

impl Rule for TemporaryPasswordValidity {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let max = ctx.option(Self::MAX_DAYS);
        for pool in &model.user_pools {
            let verdict = pool
                .password_policy
                .temporary_password_validity_days
                .fails_when(|days| effective_temporary_password_validity_days(*days) > max);
            ctx.report(&pool.meta, "the temporary password validity", verdict, |written| {
                let days = effective_temporary_password_validity_days(*written);
                let unit = if days == 1 { "day" } else { "days" };
                let value = if *written == days {
                    format!("{days} {unit}")
                } else {
                    format!("{written}, which AWS reads as not set: {days} {unit}")
                };
                Described::new(
                    format!(
                        "temporary passwords of user pool `{}` stay valid for {days} {unit} (threshold: {max})",
                        pool.meta.display_name()
                    ),
                    value,
                )
            });
        }
    }
}

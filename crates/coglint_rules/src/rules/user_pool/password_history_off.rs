use coglint_model::{Model, UserPoolTier};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a password policy that remembers fewer previous passwords than the threshold (12
    /// by default, the option `min-size`). AWS keeps no history when `PasswordHistorySize` is
    /// omitted or 0. Only pools on a tier that offers password history (Essentials, the default,
    /// and Plus) are checked; on Lite the setting is not available, and
    /// `feature-needs-higher-tier` reports a history written there.
    ///
    /// ## Why is this bad?
    /// Without a history, a user told to change a password (after a reset, or because it
    /// leaked) can set the same one again, or cycle between two. A password that appears in a
    /// breach then stays in use, and credential stuffing with it keeps working.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: ESSENTIALS
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 14
    ///           PasswordHistorySize: 3
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: ESSENTIALS
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 14
    ///           PasswordHistorySize: 12
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `Policies.PasswordPolicy.PasswordHistorySize: 12` (0 to 24).
    /// - Terraform: `password_policy { password_history_size = 12 }`.
    /// - CDK: `passwordPolicy: { passwordHistorySize: 12 }` on a pool with
    ///   `featurePlan: FeaturePlan.ESSENTIALS` or `PLUS`.
    ///
    /// ## References
    /// - [PasswordPolicyType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html)
    /// - [Essentials plan features](https://docs.aws.amazon.com/cognito/latest/developerguide/feature-plans-features-essentials.html)
    pub PasswordHistoryOff {
        code: "COG113",
        name: "password-history-off",
        severity: Low,
        category: SignIn,
        group: Hardening,
        summary: "Password history below the threshold (default 12; omitted = 0), on a tier that supports it",
        fix: "set `PasswordPolicy.PasswordHistorySize` (Terraform `password_history_size`) to at least 12",
        cdk_fix: "passwordPolicy: { passwordHistorySize: 12 }",
        related: [],
        options: [
            MIN_SIZE: Integer {
                key: "min-size",
                default: 12,
                range: 1..=24,
                doc: "The fewest previous passwords a user may not reuse.",
            },
        ],
    }
}

impl Rule for PasswordHistoryOff {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let min = ctx.option(Self::MIN_SIZE);
        for pool in &model.user_pools {
            let short = pool
                .password_policy
                .password_history_size
                .clone()
                .map(|size| size < min);
            if !short.may_be_true() {
                continue;
            }
            // Lite has no password history: nothing to ask of it here.
            let history = pool
                .password_policy
                .password_history_size
                .zip(&pool.tier, |size, tier| (*size, *tier));
            let verdict =
                history.fails_when(|(size, tier)| *tier != UserPoolTier::Lite && *size < min);
            ctx.report(&pool.meta, "the password history", verdict, |(size, _)| {
                let remembered = match size {
                    0 => "any previous password".to_string(),
                    1 => "all but the last password".to_string(),
                    n => format!("all but the last {n} passwords"),
                };
                Described::new(
                    format!(
                        "users of user pool `{}` can reuse {remembered} (threshold: {min})",
                        pool.meta.display_name()
                    ),
                    size.to_string(),
                )
            });
        }
    }
}

use coglint_model::{Model, RecoveryOption};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool where users can recover their account themselves (a recovery mechanism
    /// other than `admin_only`, or `AccountRecoverySetting` omitted) while
    /// `AutoVerifiedAttributes` is empty or omitted: Cognito never checks that users own the
    /// email address or phone number that recovery relies on.
    ///
    /// ## Why is this bad?
    /// Self-service recovery sends a code to a verified email address or phone number. With no
    /// attribute verified automatically, those addresses are only ever verified by something
    /// else: a pre sign-up Lambda trigger that auto-confirms, or an administrator setting
    /// `email_verified` without proof. Recovery codes then go to an address nobody proved to
    /// own, such as a mistyped address or one an attacker registered. Where nothing verifies
    /// them at all, recovery silently fails for every user.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       AccountRecoverySetting:
    ///         RecoveryMechanisms:
    ///           - Name: verified_email
    ///             Priority: 1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       AutoVerifiedAttributes: [email]
    ///       AccountRecoverySetting:
    ///         RecoveryMechanisms:
    ///           - Name: verified_email
    ///             Priority: 1
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AutoVerifiedAttributes: [email]` (or recovery by administrators only:
    ///   `AccountRecoverySetting: { RecoveryMechanisms: [{ Name: admin_only, Priority: 1 }] }`).
    /// - Terraform: `auto_verified_attributes = ["email"]`.
    /// - CDK: `autoVerify: { email: true }`.
    ///
    /// ## References
    /// - [CreateUserPool: AutoVerifiedAttributes](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html)
    /// - [Verifying contact information at sign-up](https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html)
    pub RecoveryWithoutVerifiedAttributes {
        code: "COG505",
        name: "recovery-without-verified-attributes",
        severity: Medium,
        category: SignUp,
        summary: "Self-service recovery is possible but AutoVerifiedAttributes is empty: codes can go to unverified addresses",
        fix: "verify the recovery address automatically: `AutoVerifiedAttributes: [email]` (Terraform `auto_verified_attributes = [\"email\"]`)",
        cdk_fix: "autoVerify: { email: true }",
        related: [],
    }
}

impl Rule for RecoveryWithoutVerifiedAttributes {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // Located at the automatic verification setting, the one to change.
            let unverified_recovery = pool.auto_verified_attributes.zip(
                &pool.recovery_mechanisms,
                |verified, recovery| {
                    let self_service = match recovery {
                        // The legacy behaviour: by SMS or email.
                        None => true,
                        Some(mechanisms) => mechanisms
                            .iter()
                            .any(|m| m.value.option != RecoveryOption::AdminOnly),
                    };
                    verified.is_empty() && self_service
                },
            );
            let verdict = unverified_recovery.fails_when(|fails| *fails);
            ctx.report(&pool.meta, "automatic verification", verdict, |_| {
                Described::new(
                    format!(
                        "users of user pool `{}` can recover their account, but no email address or phone number is verified",
                        pool.meta.display_name()
                    ),
                    "`[]`",
                )
            });
        }
    }
}

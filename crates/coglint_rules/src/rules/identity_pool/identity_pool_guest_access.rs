use coglint_model::Model;

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an identity pool that allows unauthenticated (guest) identities:
    /// `AllowUnauthenticatedIdentities` is `true`. CloudFormation requires the property, and
    /// Terraform's provider sends `false` when `allow_unauthenticated_identities` is left out,
    /// so only a `true` (written, or from a parameter, variable or condition) is flagged.
    ///
    /// ## Why is this bad?
    /// Anyone on the internet can ask a guest identity pool for an identity and receive AWS
    /// credentials for its unauthenticated role, without signing in. Whatever that role allows
    /// (reading a bucket, calling an API, writing to a table) is open to everyone, and attackers
    /// routinely harvest identity pool IDs from web and mobile apps to try exactly this.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   IdentityPool:
    ///     Type: AWS::Cognito::IdentityPool
    ///     Properties:
    ///       AllowUnauthenticatedIdentities: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   IdentityPool:
    ///     Type: AWS::Cognito::IdentityPool
    ///     Properties:
    ///       AllowUnauthenticatedIdentities: false
    /// ```
    ///
    /// If guests really need credentials, give the unauthenticated role the least it needs
    /// and suppress this finding with the reason.
    ///
    /// ## How to fix
    /// - CloudFormation: `AllowUnauthenticatedIdentities: false`.
    /// - Terraform: `allow_unauthenticated_identities = false`, or leave the argument out.
    /// - CDK: `allowUnauthenticatedIdentities: false` (the default of `IdentityPool`).
    ///
    /// ## References
    /// - [Identity pools: authenticated and unauthenticated identities](https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html)
    /// - [CreateIdentityPool](https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html)
    pub IdentityPoolGuestAccess {
        code: "COG401",
        name: "identity-pool-guest-access",
        severity: High,
        category: IdentityPools,
        summary: "AllowUnauthenticatedIdentities is true: anyone can get AWS credentials without signing in",
        fix: "set `AllowUnauthenticatedIdentities: false` (Terraform `allow_unauthenticated_identities = false`)",
        cdk_fix: "allowUnauthenticatedIdentities: false",
        autofix: Unsafe,
        related: [
            "Security Hub Cognito.2",
            "cdk-nag AwsSolutions-COG7",
            "checkov CKV_AWS_366",
            "cfn_nag W57",
        ],
    }
}

impl Rule for IdentityPoolGuestAccess {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.identity_pools {
            let verdict = pool
                .allow_unauthenticated_identities
                .fails_when(|allowed| *allowed);
            ctx.report(&pool.meta, "guest access", verdict, |_| {
                Described::new(
                    format!(
                        "identity pool `{}` gives AWS credentials to unauthenticated guests",
                        pool.meta.display_name()
                    ),
                    "`true`",
                )
                // Guests stop getting credentials: unsafe.
                .fix(Remedy::new(
                    "Set `AllowUnauthenticatedIdentities` to `false`",
                    Applicability::Unsafe,
                    Action::Set(FixValue::Bool(false)),
                ))
            });
        }
    }
}

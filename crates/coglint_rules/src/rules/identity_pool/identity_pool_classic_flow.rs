use coglint_model::Model;

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an identity pool that enables the basic (classic) authentication flow:
    /// `AllowClassicFlow` is `true`. AWS leaves the basic flow off when the property is
    /// omitted, so only a `true` (written, or from a parameter, variable or condition) is
    /// flagged.
    ///
    /// ## Why is this bad?
    /// In the enhanced flow Cognito chooses the role and scopes the credentials down with a
    /// session policy. The basic flow lets the client call `GetOpenIdToken` and then
    /// `AssumeRoleWithWebIdentity` itself, with any role that trusts the identity pool: the
    /// scope-down policy is skipped, and a client (or an attacker holding a user's token) can
    /// pick a more privileged role than the one the pool would have chosen.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   IdentityPool:
    ///     Type: AWS::Cognito::IdentityPool
    ///     Properties:
    ///       AllowUnauthenticatedIdentities: false
    ///       AllowClassicFlow: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   IdentityPool:
    ///     Type: AWS::Cognito::IdentityPool
    ///     Properties:
    ///       AllowUnauthenticatedIdentities: false
    ///       AllowClassicFlow: false
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AllowClassicFlow: false`, or leave the property out.
    /// - Terraform: `allow_classic_flow = false`, or leave the argument out.
    /// - CDK: `allowClassicFlow: false` (the default of `IdentityPool`).
    ///
    /// ## References
    /// - [Identity pools authentication flow](https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html)
    /// - [CreateIdentityPool](https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html)
    pub IdentityPoolClassicFlow {
        code: "COG402",
        name: "identity-pool-classic-flow",
        severity: Medium,
        category: IdentityPools,
        summary: "AllowClassicFlow is true: the basic flow skips the enhanced flow's scope-down policy",
        fix: "set `AllowClassicFlow: false` (Terraform `allow_classic_flow = false`) and use the enhanced flow",
        cdk_fix: "allowClassicFlow: false",
        autofix: Unsafe,
        related: [],
    }
}

impl Rule for IdentityPoolClassicFlow {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.identity_pools {
            let verdict = pool.allow_classic_flow.fails_when(|allowed| *allowed);
            ctx.report(&pool.meta, "the basic (classic) flow", verdict, |_| {
                Described::new(
                    format!(
                        "identity pool `{}` allows the basic (classic) flow: clients choose their role without a scope-down policy",
                        pool.meta.display_name()
                    ),
                    "`true`",
                )
                .fix(Remedy::new(
                    "Set `AllowClassicFlow` to `false`",
                    Applicability::Unsafe,
                    Action::Set(FixValue::Bool(false)),
                ))
            });
        }
    }
}

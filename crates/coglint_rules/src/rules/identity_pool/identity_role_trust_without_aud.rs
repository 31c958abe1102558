use coglint_model::{Check, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags each IAM role whose trust policy lets identity pools assume it (`Principal:
    /// Federated: cognito-identity.amazonaws.com`) without a `StringEquals` condition on
    /// `cognito-identity.amazonaws.com:aud`, the identity pool the token was issued for.
    ///
    /// ## Why is this bad?
    /// Every identity pool, in every AWS account, issues tokens signed by
    /// `cognito-identity.amazonaws.com`. Without the `aud` condition, the role trusts all of
    /// them: anyone can create an identity pool of their own, name this role in it, and receive
    /// its credentials. The `aud` condition ties the role to your identity pool.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppUserRole:
    ///     Type: AWS::IAM::Role
    ///     Properties:
    ///       AssumeRolePolicyDocument:
    ///         Version: "2012-10-17"
    ///         Statement:
    ///           - Effect: Allow
    ///             Principal:
    ///               Federated: cognito-identity.amazonaws.com
    ///             Action: sts:AssumeRoleWithWebIdentity
    ///             Condition:
    ///               ForAnyValue:StringLike:
    ///                 cognito-identity.amazonaws.com:amr: authenticated
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   AppUserRole:
    ///     Type: AWS::IAM::Role
    ///     Properties:
    ///       AssumeRolePolicyDocument:
    ///         Version: "2012-10-17"
    ///         Statement:
    ///           - Effect: Allow
    ///             Principal:
    ///               Federated: cognito-identity.amazonaws.com
    ///             Action: sts:AssumeRoleWithWebIdentity
    ///             Condition:
    ///               StringEquals:
    ///                 cognito-identity.amazonaws.com:aud: !Ref IdentityPool
    ///               ForAnyValue:StringLike:
    ///                 cognito-identity.amazonaws.com:amr: authenticated
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: add `StringEquals: { cognito-identity.amazonaws.com:aud: !Ref IdentityPool }` to the statement's `Condition`.
    /// - Terraform: add `StringEquals = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.main.id }` to the statement's `Condition` (or a `condition { test = "StringEquals" ... }` block).
    /// - CDK: `new FederatedPrincipal('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPool.ref } }, 'sts:AssumeRoleWithWebIdentity')`.
    ///
    /// ## References
    /// - [Role trust and permissions](https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html)
    /// - [Security best practices for identity pools](https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html)
    pub IdentityRoleTrustWithoutAud {
        code: "COG403",
        name: "identity-role-trust-without-aud",
        severity: Critical,
        category: IdentityPools,
        summary: "A role trusted by cognito-identity.amazonaws.com has no StringEquals condition on cognito-identity.amazonaws.com:aud: any identity pool in any account can assume it",
        fix: "add a `StringEquals` condition on `cognito-identity.amazonaws.com:aud` with your identity pool's ID to the trust policy",
        cdk_fix: "new FederatedPrincipal('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPool.ref } }, 'sts:AssumeRoleWithWebIdentity')",
        related: [],
    }
}

impl Rule for IdentityRoleTrustWithoutAud {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for role in &model.iam_roles {
            let verdict = role.trust_policy.check(|document| {
                for statement in document.identity_pool_statements() {
                    // Conditions that cannot be read may hold the `aud` condition.
                    let Some(mut on_aud) = statement.conditions_on_claim("aud") else {
                        continue;
                    };
                    let scoped = on_aud.any(|c| {
                        let op = c.operator.as_str();
                        op.eq_ignore_ascii_case("StringEquals")
                            || op.eq_ignore_ascii_case("ForAnyValue:StringEquals")
                    });
                    if !scoped {
                        return Check::FailAt(statement.identity_pool_principal_at());
                    }
                }
                Check::Pass
            });
            ctx.report(&role.meta, "the `StringEquals` condition on `aud`", verdict, |_| {
                Described::new(
                    format!(
                        "role `{}` trusts every identity pool, in any account: its trust policy has no `StringEquals` condition on `cognito-identity.amazonaws.com:aud`",
                        role.meta.display_name()
                    ),
                    "missing",
                )
            });
        }
    }
}

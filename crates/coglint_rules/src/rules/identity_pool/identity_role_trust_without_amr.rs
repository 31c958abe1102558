use coglint_model::{Check, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags each IAM role whose trust policy lets identity pools assume it (`Principal:
    /// Federated: cognito-identity.amazonaws.com`) without a condition on
    /// `cognito-identity.amazonaws.com:amr`, the claim that says whether the identity signed in
    /// (`authenticated`) or is a guest (`unauthenticated`).
    ///
    /// ## Why is this bad?
    /// Without the `amr` condition, the trust policy does not say who the role is for: a role
    /// meant for signed-in users can be assumed with a guest's token too, whenever the identity
    /// pool allows guests or a role mapping or the basic flow hands the role out. AWS recommends
    /// both the `aud` and the `amr` conditions on every role that trusts identity pools.
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
    ///               StringEquals:
    ///                 cognito-identity.amazonaws.com:aud: !Ref IdentityPool
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
    /// - CloudFormation: add `ForAnyValue:StringLike: { cognito-identity.amazonaws.com:amr: authenticated }` (or `unauthenticated` for the guest role) to the statement's `Condition`.
    /// - Terraform: add `"ForAnyValue:StringLike" = { "cognito-identity.amazonaws.com:amr" = "authenticated" }` to the statement's `Condition`.
    /// - CDK: `new FederatedPrincipal('cognito-identity.amazonaws.com', { StringEquals: { ... }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, 'sts:AssumeRoleWithWebIdentity')`.
    ///
    /// ## References
    /// - [Role trust and permissions](https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html)
    /// - [Security best practices for identity pools](https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html)
    pub IdentityRoleTrustWithoutAmr {
        code: "COG404",
        name: "identity-role-trust-without-amr",
        severity: Medium,
        category: IdentityPools,
        summary: "A role trusted by cognito-identity.amazonaws.com has no amr condition (authenticated / unauthenticated)",
        fix: "add a condition on `cognito-identity.amazonaws.com:amr` (`authenticated` or `unauthenticated`) to the trust policy",
        cdk_fix: "new FederatedPrincipal('cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, 'sts:AssumeRoleWithWebIdentity')",
        related: [],
    }
}

impl Rule for IdentityRoleTrustWithoutAmr {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for role in &model.iam_roles {
            let verdict = role.trust_policy.check(|document| {
                for statement in document.identity_pool_statements() {
                    // Conditions that cannot be read may hold the `amr` condition.
                    let Some(mut on_amr) = statement.conditions_on_claim("amr") else {
                        continue;
                    };
                    if on_amr.next().is_none() {
                        return Check::FailAt(statement.identity_pool_principal_at());
                    }
                }
                Check::Pass
            });
            ctx.report(&role.meta, "the `amr` condition", verdict, |_| {
                Described::new(
                    format!(
                        "role `{}` does not say whether signed-in users or guests may assume it: its trust policy has no condition on `cognito-identity.amazonaws.com:amr`",
                        role.meta.display_name()
                    ),
                    "missing",
                )
            });
        }
    }
}

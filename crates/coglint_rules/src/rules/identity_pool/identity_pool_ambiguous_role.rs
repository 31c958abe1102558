use coglint_model::iam::AmbiguousRoleResolution;
use coglint_model::{Model, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags each role mapping of an identity pool (an entry of `RoleMappings`, a
    /// `role_mapping` block) whose `AmbiguousRoleResolution` is `AuthenticatedRole`.
    ///
    /// ## Why is this bad?
    /// Role mappings choose a role per user from their token: by the `cognito:roles` and
    /// `cognito:preferred_role` claims (`Token`) or by rules on claims (`Rules`). When no rule
    /// matches, or the token names several roles and no preferred one, the identity pool falls
    /// back to `AmbiguousRoleResolution`. With `AuthenticatedRole`, a user that the mapping was
    /// meant to keep out (no group, an unexpected claim value) still gets the pool's default
    /// authenticated role, often the broadest one. `Deny` refuses credentials instead.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   IdentityPoolRoles:
    ///     Type: AWS::Cognito::IdentityPoolRoleAttachment
    ///     Properties:
    ///       IdentityPoolId: !Ref IdentityPool
    ///       Roles:
    ///         authenticated: !GetAtt AuthenticatedRole.Arn
    ///       RoleMappings:
    ///         UserPool:
    ///           IdentityProvider: !Sub cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}:${AppClient}
    ///           Type: Token
    ///           AmbiguousRoleResolution: AuthenticatedRole
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   IdentityPoolRoles:
    ///     Type: AWS::Cognito::IdentityPoolRoleAttachment
    ///     Properties:
    ///       IdentityPoolId: !Ref IdentityPool
    ///       Roles:
    ///         authenticated: !GetAtt AuthenticatedRole.Arn
    ///       RoleMappings:
    ///         UserPool:
    ///           IdentityProvider: !Sub cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}:${AppClient}
    ///           Type: Token
    ///           AmbiguousRoleResolution: Deny
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AmbiguousRoleResolution: Deny` in each entry of `RoleMappings`.
    /// - Terraform: `ambiguous_role_resolution = "Deny"` in each `role_mapping` block.
    /// - CDK: `new IdentityPool(this, 'Pool', { roleMappings: [{ providerUrl, useToken: true, resolveAmbiguousRoles: false }] })`.
    ///
    /// ## References
    /// - [RoleMapping](https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RoleMapping.html)
    /// - [Role-based access control](https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html)
    pub IdentityPoolAmbiguousRole {
        code: "COG406",
        name: "identity-pool-ambiguous-role",
        severity: Low,
        category: IdentityPools,
        summary: "RoleMappings resolve ambiguous matches to AuthenticatedRole instead of Deny",
        fix: "set `AmbiguousRoleResolution: Deny` (Terraform `ambiguous_role_resolution = \"Deny\"`) in each role mapping",
        cdk_fix: "roleMappings: [{ providerUrl, useToken: true, resolveAmbiguousRoles: false }]",
        related: [],
    }
}

impl Rule for IdentityPoolAmbiguousRole {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for attachment in &model.identity_pool_role_attachments {
            let pool = match attachment.identity_pool.known() {
                Some(link) => model
                    .identity_pools
                    .iter()
                    .find(|p| p.meta.name == link.target)
                    .map_or(link.target.as_str(), |p| p.meta.display_name()),
                None => attachment.meta.display_name(),
            };
            let mappings = &attachment.role_mappings;
            // A mapping list that cannot be read is recorded as undecided, never flagged.
            ctx.report(
                &attachment.meta,
                "the role mappings",
                mappings.fails_when(|_| false),
                |_| Described::new(String::new(), String::new()),
            );
            for alternative in mappings.alternatives() {
                let Value::Known(items) = &alternative.value else {
                    continue;
                };
                for mapping in items.iter().map(|i| &i.value) {
                    let provider = match mapping.identity_provider.known() {
                        Some(Some(p)) => format!("users of `{p}`"),
                        _ => "users of a provider".to_string(),
                    };
                    let verdict = mapping
                        .ambiguous_role_resolution
                        .fails_when(|r| *r == Some(AmbiguousRoleResolution::AuthenticatedRole));
                    ctx.report(
                        &attachment.meta,
                        "the resolution of ambiguous role matches",
                        verdict,
                        |_| {
                            Described::new(
                                format!(
                                    "identity pool `{pool}` gives {provider} the default authenticated role when its role mapping matches no role or several, instead of denying credentials"
                                ),
                                "`AuthenticatedRole`",
                            )
                        },
                    );
                }
            }
        }
    }
}

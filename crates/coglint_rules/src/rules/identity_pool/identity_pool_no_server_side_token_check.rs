use coglint_model::{Model, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags each user pool provider of an identity pool (an entry of
    /// `CognitoIdentityProviders`) whose `ServerSideTokenCheck` is `false`. AWS uses `false`
    /// when the property is omitted, so an omitted check is flagged too, at the provider entry.
    ///
    /// ## Why is this bad?
    /// Without the check, the identity pool trusts any ID token the user pool signed until it
    /// expires. Signing a user out everywhere, disabling or deleting them does not stop their
    /// token (or a stolen one) from being exchanged for fresh AWS credentials for up to an hour.
    /// With the check, the identity pool asks the user pool first and refuses revoked sessions.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   IdentityPool:
    ///     Type: AWS::Cognito::IdentityPool
    ///     Properties:
    ///       AllowUnauthenticatedIdentities: false
    ///       CognitoIdentityProviders:
    ///         - ClientId: !Ref AppClient
    ///           ProviderName: !GetAtt UserPool.ProviderName
    ///           ServerSideTokenCheck: false
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   IdentityPool:
    ///     Type: AWS::Cognito::IdentityPool
    ///     Properties:
    ///       AllowUnauthenticatedIdentities: false
    ///       CognitoIdentityProviders:
    ///         - ClientId: !Ref AppClient
    ///           ProviderName: !GetAtt UserPool.ProviderName
    ///           ServerSideTokenCheck: true
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `ServerSideTokenCheck: true` in each entry of `CognitoIdentityProviders`.
    /// - Terraform: `server_side_token_check = true` in each `cognito_identity_providers` block.
    /// - CDK: `new UserPoolAuthenticationProvider({ userPool, userPoolClient, disableServerSideTokenCheck: false })`.
    ///
    /// ## References
    /// - [CognitoIdentityProvider](https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CognitoIdentityProvider.html)
    pub IdentityPoolNoServerSideTokenCheck {
        code: "COG407",
        name: "identity-pool-no-server-side-token-check",
        severity: Low,
        category: IdentityPools,
        group: Hardening,
        summary: "ServerSideTokenCheck is false for a user pool provider: revoked sessions keep getting credentials",
        fix: "set `ServerSideTokenCheck: true` (Terraform `server_side_token_check = true`) for each user pool provider",
        cdk_fix: "new UserPoolAuthenticationProvider({ userPool, disableServerSideTokenCheck: false })",
        related: [],
    }
}

impl Rule for IdentityPoolNoServerSideTokenCheck {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.identity_pools {
            let providers = &pool.cognito_identity_providers;
            // A provider list that cannot be read is recorded as undecided, never flagged.
            ctx.report(
                &pool.meta,
                "the user pool providers",
                providers.fails_when(|_| false),
                |_| Described::new(String::new(), String::new()),
            );
            for alternative in providers.alternatives() {
                let Value::Known(items) = &alternative.value else {
                    continue;
                };
                for provider in items.iter().map(|i| &i.value) {
                    // The pool as the user knows it: its resource, else the ID in the name.
                    let written = provider.provider_name.known().and_then(|n| n.as_deref());
                    let user_pool = match (provider.user_pool.known(), written) {
                        (Some(link), _) => {
                            let name = model
                                .user_pool(&link.target)
                                .map_or(link.target.as_str(), |p| p.meta.display_name());
                            format!("user pool `{name}`")
                        }
                        (None, Some(name)) => match name.rsplit_once('/') {
                            Some((_, id)) if !id.is_empty() => format!("user pool `{id}`"),
                            _ => format!("`{name}`"),
                        },
                        (None, None) => "its user pool".to_string(),
                    };
                    let verdict = provider.server_side_token_check.fails_when(|check| !check);
                    ctx.report(&pool.meta, "the server-side token check", verdict, |_| {
                        Described::new(
                            format!(
                                "identity pool `{}` does not ask {user_pool} whether a token was revoked: signed-out and deleted users keep getting AWS credentials",
                                pool.meta.display_name()
                            ),
                            "`false`",
                        )
                    });
                }
            }
        }
    }
}

use coglint_model::{Check, Model};

use crate::{declare_rule, Context, Described, Rule};

/// The reserved scope that lets a token's holder call the user-pool API as the user.
const ADMIN_SCOPE: &str = "aws.cognito.signin.user.admin";

declare_rule! {
    /// ## What it does
    /// Flags an app client whose `AllowedOAuthScopes` include `aws.cognito.signin.user.admin`.
    /// The finding points at the scope in the list. The CDK's `UserPoolClient` grants this scope
    /// by default, together with `openid`, `email`, `phone` and `profile`.
    ///
    /// ## Why is this bad?
    /// An access token with this scope authorizes the user-pool API operations a user performs
    /// on their own account: `UpdateUserAttributes`, `DeleteUser`, `ChangePassword`, device and
    /// MFA settings, `GetUser`. A token issued through the hosted UI to a web application rarely
    /// needs them; if it leaks, its holder can read the user's profile and change writable
    /// attributes, including custom ones that the application may trust for authorization.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   WebClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       AllowedOAuthFlowsUserPoolClient: true
    ///       AllowedOAuthFlows: [code]
    ///       AllowedOAuthScopes: [openid, email, aws.cognito.signin.user.admin]
    ///       CallbackURLs: [https://app.example.org/callback]
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   WebClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       AllowedOAuthFlowsUserPoolClient: true
    ///       AllowedOAuthFlows: [code]
    ///       AllowedOAuthScopes: [openid, email]
    ///       CallbackURLs: [https://app.example.org/callback]
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: remove `aws.cognito.signin.user.admin` from `AllowedOAuthScopes`.
    /// - Terraform: remove `"aws.cognito.signin.user.admin"` from `allowed_oauth_scopes`.
    /// - CDK: `oAuth: { scopes: [OAuthScope.OPENID, OAuthScope.EMAIL] }` (without `OAuthScope.COGNITO_ADMIN`).
    ///
    /// ## References
    /// - [Scopes, M2M, and resource servers](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html)
    /// - [Understanding the access token](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html)
    pub ClientAdminScope {
        code: "COG310",
        name: "client-admin-scope",
        severity: Low,
        category: AppClients,
        group: Hardening,
        summary: "AllowedOAuthScopes grants aws.cognito.signin.user.admin: tokens can edit the user's own attributes",
        fix: "remove `aws.cognito.signin.user.admin` from the allowed OAuth scopes",
        cdk_fix: "oAuth: { scopes: [OAuthScope.OPENID, OAuthScope.EMAIL] }",
        related: [],
    }
}

impl Rule for ClientAdminScope {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let verdict = client.allowed_oauth_scopes.check(|scopes| {
                match scopes.iter().find(|s| s.value.trim() == ADMIN_SCOPE) {
                    Some(item) => item.at.map_or(Check::Fail, Check::FailAt),
                    None => Check::Pass,
                }
            });
            ctx.report(&client.meta, "the allowed OAuth scopes", verdict, |_| {
                Described::new(
                    format!(
                        "app client `{}` grants `{ADMIN_SCOPE}`: its access tokens can read and change the user's own profile",
                        client.meta.display_name()
                    ),
                    format!("`{ADMIN_SCOPE}`"),
                )
                .item()
            });
        }
    }
}

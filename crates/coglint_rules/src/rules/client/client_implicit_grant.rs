use coglint_model::{Check, Model, OAuthFlow};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose `AllowedOAuthFlows` include `implicit`. The finding points at
    /// the `implicit` item itself.
    ///
    /// ## Why is this bad?
    /// The implicit grant returns tokens in the URL fragment of the redirect. There they end up
    /// in browser history, in logs and `Referer` headers, and in the hands of any script on the
    /// page; there is no refresh token and no proof that the client asked for them. OAuth 2.0
    /// Security Best Current Practice (RFC 9700) says not to use it. The authorization code
    /// grant with PKCE does the same job safely, for single-page and mobile apps too. The CDK's
    /// `UserPoolClient` enables the implicit grant by default.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   WebClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       AllowedOAuthFlowsUserPoolClient: true
    ///       AllowedOAuthFlows: [code, implicit]
    ///       AllowedOAuthScopes: [openid]
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
    ///       AllowedOAuthScopes: [openid]
    ///       CallbackURLs: [https://app.example.org/callback]
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AllowedOAuthFlows: [code]`, and use PKCE in the application.
    /// - Terraform: `allowed_oauth_flows = ["code"]`.
    /// - CDK: `oAuth: { flows: { authorizationCodeGrant: true, implicitCodeGrant: false } }`.
    ///
    /// ## References
    /// - [RFC 9700, OAuth 2.0 Security Best Current Practice, 2.1.2](https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2)
    /// - [App client settings](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html)
    pub ClientImplicitGrant {
        code: "COG301",
        name: "client-implicit-grant",
        severity: High,
        category: AppClients,
        summary: "AllowedOAuthFlows contains implicit: tokens travel in URL fragments",
        fix: "remove `implicit` from the allowed OAuth flows and use the authorization code grant with PKCE",
        cdk_fix: "oAuth: { flows: { authorizationCodeGrant: true, implicitCodeGrant: false } }",
        autofix: Unsafe,
        related: [],
    }
}

impl Rule for ClientImplicitGrant {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let verdict = client.allowed_oauth_flows.check(|flows| {
                match flows.iter().find(|f| f.value == OAuthFlow::Implicit) {
                    Some(item) => item.at.map_or(Check::Fail, Check::FailAt),
                    None => Check::Pass,
                }
            });
            ctx.report(&client.meta, "the allowed OAuth flows", verdict, |flows| {
                // The only flow becomes `code` (an empty list is rejected while OAuth is on);
                // otherwise `implicit` goes. Applications that read tokens from the URL
                // fragment must move to the code grant: unsafe.
                let remedy = if flows.len() > 1 {
                    Remedy::new(
                        "Remove `implicit` from `AllowedOAuthFlows`",
                        Applicability::Unsafe,
                        Action::RemoveItem,
                    )
                } else {
                    Remedy::new(
                        "Replace the `implicit` flow with `code`",
                        Applicability::Unsafe,
                        Action::ReplaceItem(FixValue::String("code".into())),
                    )
                };
                Described::new(
                    format!(
                        "app client `{}` allows the implicit grant: tokens are returned in the URL",
                        client.meta.display_name()
                    ),
                    "`implicit`",
                )
                .item()
                .fix(remedy)
            });
        }
    }
}

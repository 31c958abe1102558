use coglint_model::{Model, RefreshTokenRotation};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client without refresh token rotation: `RefreshTokenRotation.Feature` is
    /// `DISABLED`, or omitted (AWS leaves rotation off).
    ///
    /// ## Why is this bad?
    /// Without rotation, one refresh token serves for its whole lifetime (30 days by default).
    /// If it is copied from a device, the thief and the user use it side by side and nothing
    /// notices. With rotation, each refresh returns a new refresh token and invalidates the old
    /// one (after an optional grace period of up to 60 seconds), so a stolen token stops working
    /// at the next refresh of either party, and reuse becomes visible.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       RefreshTokenRotation:
    ///         Feature: DISABLED
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       RefreshTokenRotation:
    ///         Feature: ENABLED
    ///         RetryGracePeriodSeconds: 10
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `RefreshTokenRotation: { Feature: ENABLED, RetryGracePeriodSeconds: 10 }`.
    /// - Terraform: `refresh_token_rotation { feature = "ENABLED" }`.
    /// - CDK: `refreshTokenRotation: { feature: 'ENABLED' }` on the `CfnUserPoolClient`
    ///   (`client.node.defaultChild` of a `UserPoolClient`).
    ///
    /// Applications must then refresh with `GetTokensFromRefreshToken` and store the new
    /// refresh token each time; `REFRESH_TOKEN_AUTH` is not available with rotation.
    ///
    /// ## References
    /// - [Refresh tokens: rotation](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html)
    /// - [RefreshTokenRotationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html)
    pub ClientRefreshTokenRotationOff {
        code: "COG308",
        name: "client-refresh-token-rotation-off",
        severity: Low,
        category: AppClients,
        group: Hardening,
        summary: "RefreshTokenRotation not enabled: a stolen refresh token keeps working next to the user's",
        fix: "set `RefreshTokenRotation.Feature: ENABLED` (Terraform `refresh_token_rotation { feature = \"ENABLED\" }`)",
        cdk_fix: "refreshTokenRotation: { feature: 'ENABLED' } on CfnUserPoolClient",
        related: [],
    }
}

impl Rule for ClientRefreshTokenRotationOff {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let verdict = client
                .refresh_token_rotation
                .fails_when(|r| *r != RefreshTokenRotation::Enabled);
            ctx.report(&client.meta, "refresh token rotation", verdict, |r| {
                Described::new(
                    format!(
                        "app client `{}` does not rotate refresh tokens: a stolen one stays usable next to the user's",
                        client.meta.display_name()
                    ),
                    format!("`{r}`"),
                )
            });
        }
    }
}

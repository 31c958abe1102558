use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose refresh tokens stay valid longer than the threshold (7 days by
    /// default, the option `max-days`). The validity is read in its unit: `RefreshTokenValidity`
    /// counts days unless `TokenValidityUnits.RefreshToken` says otherwise. When it is omitted,
    /// AWS uses 30 days.
    ///
    /// ## Why is this bad?
    /// A refresh token turns into fresh access and ID tokens, again and again, without the
    /// user's password or MFA, for as long as it is valid. A refresh token copied from a device
    /// or a browser's storage is a session for its whole lifetime. A shorter lifetime makes
    /// users sign in, and pass MFA, more often.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       RefreshTokenValidity: 90
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
    ///       RefreshTokenValidity: 7
    ///       TokenValidityUnits:
    ///         RefreshToken: days
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `RefreshTokenValidity: 7` (days, or set `TokenValidityUnits.RefreshToken`).
    /// - Terraform: `refresh_token_validity = 7` with `token_validity_units { refresh_token = "days" }`.
    /// - CDK: `refreshTokenValidity: Duration.days(7)`.
    ///
    /// ## References
    /// - [Using the refresh token](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html)
    /// - [TokenValidityUnitsType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html)
    pub ClientRefreshTokenLifetime {
        code: "COG306",
        name: "client-refresh-token-lifetime",
        severity: Low,
        category: AppClients,
        group: Hardening,
        summary: "Refresh token validity above the threshold (default 7 days; omitted = 30 days)",
        fix: "set `RefreshTokenValidity` (Terraform `refresh_token_validity`) to 7 days or less, in the unit of `TokenValidityUnits`",
        cdk_fix: "refreshTokenValidity: Duration.days(7)",
        related: [],
        options: [
            MAX_DAYS: Integer {
                key: "max-days",
                default: 7,
                range: 1..=3650,
                doc: "The longest acceptable refresh token validity, in days.",
            },
        ],
    }
}

impl Rule for ClientRefreshTokenLifetime {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let max = ctx.option(Self::MAX_DAYS);
        let unit = if max == 1 { "day" } else { "days" };
        for client in &model.clients {
            let verdict = client
                .refresh_token_validity
                .fails_when(|v| v.seconds() > u64::from(max) * 86_400);
            ctx.report(&client.meta, "the refresh token validity", verdict, |v| {
                Described::new(
                    format!(
                        "refresh tokens of app client `{}` stay valid for {v} (threshold: {max} {unit})",
                        client.meta.display_name()
                    ),
                    v.to_string(),
                )
            });
        }
    }
}

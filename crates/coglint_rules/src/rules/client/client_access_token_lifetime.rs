use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose access tokens stay valid longer than the threshold (60 minutes
    /// by default, the option `max-minutes`). The validity is read in its unit:
    /// `AccessTokenValidity` counts hours unless `TokenValidityUnits.AccessToken` says
    /// otherwise. When it is omitted, AWS uses 60 minutes.
    ///
    /// ## Why is this bad?
    /// An access token is a bearer credential: whoever holds it calls your APIs, and the
    /// user-pool API, as the user. It cannot be revoked one by one; revoking the refresh token
    /// stops new ones, but a token already issued works until it expires. A long lifetime turns
    /// a token leaked from a log, a browser or a proxy into long-lived access.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       AccessTokenValidity: 24
    ///       TokenValidityUnits:
    ///         AccessToken: hours
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
    ///       AccessTokenValidity: 60
    ///       TokenValidityUnits:
    ///         AccessToken: minutes
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AccessTokenValidity: 60` with `TokenValidityUnits: { AccessToken: minutes }`.
    /// - Terraform: `access_token_validity = 60` with `token_validity_units { access_token = "minutes" }`.
    /// - CDK: `accessTokenValidity: Duration.minutes(60)`.
    ///
    /// ## References
    /// - [Using the access token](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html)
    /// - [TokenValidityUnitsType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html)
    pub ClientAccessTokenLifetime {
        code: "COG304",
        name: "client-access-token-lifetime",
        severity: Medium,
        category: AppClients,
        summary: "Access token validity above the threshold (default 60 minutes), after applying TokenValidityUnits",
        fix: "set `AccessTokenValidity` (Terraform `access_token_validity`) to 60 minutes or less, in the unit of `TokenValidityUnits`",
        cdk_fix: "accessTokenValidity: Duration.minutes(60)",
        related: [],
        options: [
            MAX_MINUTES: Integer {
                key: "max-minutes",
                default: 60,
                range: 5..=1440,
                doc: "The longest acceptable access token validity, in minutes.",
            },
        ],
    }
}

impl Rule for ClientAccessTokenLifetime {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let max = ctx.option(Self::MAX_MINUTES);
        for client in &model.clients {
            let verdict = client
                .access_token_validity
                .fails_when(|v| v.seconds() > u64::from(max) * 60);
            ctx.report(&client.meta, "the access token validity", verdict, |v| {
                Described::new(
                    format!(
                        "access tokens of app client `{}` stay valid for {v} (threshold: {max} minutes)",
                        client.meta.display_name()
                    ),
                    v.to_string(),
                )
            });
        }
    }
}

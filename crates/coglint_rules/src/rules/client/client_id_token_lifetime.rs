use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose ID tokens stay valid longer than the threshold (60 minutes by
    /// default, the option `max-minutes`). The validity is read in its unit: `IdTokenValidity`
    /// counts hours unless `TokenValidityUnits.IdToken` says otherwise. When it is omitted, AWS
    /// uses 60 minutes.
    ///
    /// ## Why is this bad?
    /// Many applications and API Gateway authorizers accept the ID token as proof of who the
    /// user is, and it carries the user's attributes and groups. Like the access token it cannot
    /// be recalled once issued: a long lifetime keeps a leaked token, and the group memberships
    /// it was issued with, valid long after the user signed out or was removed from a group.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       IdTokenValidity: 24
    ///       TokenValidityUnits:
    ///         IdToken: hours
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
    ///       IdTokenValidity: 60
    ///       TokenValidityUnits:
    ///         IdToken: minutes
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `IdTokenValidity: 60` with `TokenValidityUnits: { IdToken: minutes }`.
    /// - Terraform: `id_token_validity = 60` with `token_validity_units { id_token = "minutes" }`.
    /// - CDK: `idTokenValidity: Duration.minutes(60)`.
    ///
    /// ## References
    /// - [Using the ID token](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html)
    /// - [TokenValidityUnitsType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html)
    pub ClientIdTokenLifetime {
        code: "COG305",
        name: "client-id-token-lifetime",
        severity: Medium,
        category: AppClients,
        summary: "ID token validity above the threshold (default 60 minutes), after applying TokenValidityUnits",
        fix: "set `IdTokenValidity` (Terraform `id_token_validity`) to 60 minutes or less, in the unit of `TokenValidityUnits`",
        cdk_fix: "idTokenValidity: Duration.minutes(60)",
        related: [],
        options: [
            MAX_MINUTES: Integer {
                key: "max-minutes",
                default: 60,
                range: 5..=1440,
                doc: "The longest acceptable ID token validity, in minutes.",
            },
        ],
    }
}

impl Rule for ClientIdTokenLifetime {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let max = ctx.option(Self::MAX_MINUTES);
        for client in &model.clients {
            let verdict = client
                .id_token_validity
                .fails_when(|v| v.seconds() > u64::from(max) * 60);
            ctx.report(&client.meta, "the ID token validity", verdict, |v| {
                Described::new(
                    format!(
                        "ID tokens of app client `{}` stay valid for {v} (threshold: {max} minutes)",
                        client.meta.display_name()
                    ),
                    v.to_string(),
                )
            });
        }
    }
}

use coglint_model::Model;

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose `EnableTokenRevocation` is `false`. When the property is
    /// omitted, AWS turns revocation on, so only an explicit `false` (written, or from a
    /// parameter, variable or condition) is flagged.
    ///
    /// ## Why is this bad?
    /// Without token revocation, signing a user out or revoking a stolen refresh token does not
    /// stop it: the refresh token keeps producing new access and ID tokens until it expires,
    /// which is 30 days by default. A leaked refresh token stays a working session for that long.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       EnableTokenRevocation: false
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
    ///       EnableTokenRevocation: true
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `EnableTokenRevocation: true`, or leave the property out.
    /// - Terraform: `enable_token_revocation = true`, or leave the argument out.
    /// - CDK: `enableTokenRevocation: true`.
    ///
    /// ## References
    /// - [Revoking tokens](https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html)
    /// - [CreateUserPoolClient](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html)
    pub ClientTokenRevocationOff {
        code: "COG307",
        name: "client-token-revocation-off",
        severity: Medium,
        category: AppClients,
        summary: "EnableTokenRevocation is false: revoked refresh tokens keep working",
        fix: "set `EnableTokenRevocation: true` (Terraform `enable_token_revocation = true`)",
        cdk_fix: "enableTokenRevocation: true",
        autofix: Safe,
        related: [],
    }
}

impl Rule for ClientTokenRevocationOff {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let verdict = client
                .enable_token_revocation
                .fails_when(|enabled| !enabled);
            ctx.report(&client.meta, "token revocation", verdict, |_| {
                Described::new(
                    format!(
                        "app client `{}` cannot revoke its refresh tokens: a stolen one works until it expires",
                        client.meta.display_name()
                    ),
                    "`false`",
                )
                .fix(Remedy::new(
                    "Set `EnableTokenRevocation` to `true`",
                    Applicability::Safe,
                    Action::Set(FixValue::Bool(true)),
                ))
            });
        }
    }
}

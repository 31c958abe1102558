use coglint_model::{Model, PreventUserExistenceErrors};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose `PreventUserExistenceErrors` is not `ENABLED`. When the
    /// property is omitted, CloudFormation, Terraform and the API all use `LEGACY`; only the
    /// console defaults to `ENABLED`.
    ///
    /// ## Why is this bad?
    /// In `LEGACY` mode sign-in, password reset and confirmation answer `UserNotFoundException`
    /// for unknown users and something else for known ones. Anyone can then test which email
    /// addresses or usernames have accounts, and aim phishing and password spraying at them.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       PreventUserExistenceErrors: LEGACY
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
    ///       PreventUserExistenceErrors: ENABLED
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `PreventUserExistenceErrors: ENABLED`.
    /// - Terraform: `prevent_user_existence_errors = "ENABLED"`.
    /// - CDK: `preventUserExistenceErrors: true`.
    ///
    /// ## References
    /// - [Managing user existence error responses](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html)
    pub ClientUserExistenceErrors {
        code: "COG302",
        name: "client-user-existence-errors",
        severity: Medium,
        category: AppClients,
        summary: "PreventUserExistenceErrors is not ENABLED (omitted = LEGACY): usernames can be enumerated",
        fix: "set `PreventUserExistenceErrors: ENABLED` (Terraform `prevent_user_existence_errors = \"ENABLED\"`)",
        cdk_fix: "preventUserExistenceErrors: true",
        autofix: Safe,
        related: [],
    }
}

impl Rule for ClientUserExistenceErrors {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let verdict = client
                .prevent_user_existence_errors
                .fails_when(|p| *p != PreventUserExistenceErrors::Enabled);
            ctx.report(
                &client.meta,
                "user existence error prevention",
                verdict,
                |p| {
                    Described::new(
                        format!(
                        "app client `{}` reveals whether a user exists: accounts can be enumerated",
                        client.meta.display_name()
                    ),
                        format!("`{p}`"),
                    )
                    .fix(Remedy::new(
                        "Set `PreventUserExistenceErrors` to `ENABLED`",
                        Applicability::Safe,
                        Action::Set(FixValue::String("ENABLED".into())),
                    ))
                },
            );
        }
    }
}

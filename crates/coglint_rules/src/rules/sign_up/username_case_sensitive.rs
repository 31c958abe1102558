use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose usernames are case sensitive: `UsernameConfiguration.CaseSensitive`
    /// is `true`, or omitted (AWS then treats usernames, and email addresses or phone numbers
    /// used as usernames or aliases, as case sensitive).
    ///
    /// ## Why is this bad?
    /// With case-sensitive usernames `Alice@example.com` and `alice@example.com` are two
    /// different users. Someone can register a look-alike of an existing account, users who
    /// type their address in another case cannot sign in or get a second account, and a
    /// back end that compares names without case mixes the two people up. The setting cannot
    /// be changed once the pool exists: a fix needs a new pool and a user migration.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UsernameConfiguration:
    ///         CaseSensitive: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UsernameConfiguration:
    ///         CaseSensitive: false
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `UsernameConfiguration: { CaseSensitive: false }`.
    /// - Terraform: `username_configuration { case_sensitive = false }`.
    /// - CDK: `signInCaseSensitive: false`.
    ///
    /// The setting is fixed when the pool is created: for an existing pool, create a new one
    /// and migrate the users (a user migration Lambda trigger moves them as they sign in).
    ///
    /// ## References
    /// - [UsernameConfigurationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UsernameConfigurationType.html)
    /// - [User pool attributes: usernames](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html)
    pub UsernameCaseSensitive {
        code: "COG504",
        name: "username-case-sensitive",
        severity: Low,
        category: SignUp,
        group: Hardening,
        summary: "Usernames are case sensitive (omitted = case sensitive): look-alike duplicate accounts",
        fix: "set `UsernameConfiguration.CaseSensitive: false` (Terraform `username_configuration { case_sensitive = false }`)",
        cdk_fix: "signInCaseSensitive: false",
        related: [],
    }
}

impl Rule for UsernameCaseSensitive {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let verdict = pool
                .username_case_sensitive
                .fails_when(|sensitive| *sensitive);
            ctx.report(&pool.meta, "username case sensitivity", verdict, |sensitive| {
                Described::new(
                    format!(
                        "usernames of user pool `{}` are case sensitive: `Alice` and `alice` can be two accounts",
                        pool.meta.display_name()
                    ),
                    format!("`{sensitive}`"),
                )
            });
        }
    }
}

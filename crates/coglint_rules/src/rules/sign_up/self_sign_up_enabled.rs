use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool where anyone can create an account: `AllowAdminCreateUserOnly` is
    /// `false`, or omitted (AWS then allows self sign-up).
    ///
    /// ## Why is this bad?
    /// With self sign-up open, anyone who finds the app client ID (it ships in every web and
    /// mobile app) can call `SignUp` and get an account, whether or not the application has a
    /// sign-up page. Each account is a foothold: it receives tokens that APIs, authorizers and
    /// identity pools may trust, and bots can create accounts by the thousand. Open sign-up is
    /// right for consumer apps; for internal tools and B2B tenants, create users as an
    /// administrator instead.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolName: staff
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolName: staff
    ///       AdminCreateUserConfig:
    ///         AllowAdminCreateUserOnly: true
    /// ```
    ///
    /// If the pool is meant for public sign-up, suppress this finding with a reason.
    ///
    /// ## How to fix
    /// - CloudFormation: `AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }`.
    /// - Terraform: `admin_create_user_config { allow_admin_create_user_only = true }`.
    /// - CDK: `selfSignUpEnabled: false` (the CDK's default; the finding comes from an explicit
    ///   `selfSignUpEnabled: true`).
    ///
    /// ## References
    /// - [AdminCreateUserConfigType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUserConfigType.html)
    /// - [Signing up and confirming user accounts](https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html)
    pub SelfSignUpEnabled {
        code: "COG501",
        name: "self-sign-up-enabled",
        severity: Low,
        category: SignUp,
        summary: "Anyone can sign up: AllowAdminCreateUserOnly is false or omitted",
        fix: "set `AdminCreateUserConfig.AllowAdminCreateUserOnly: true` (Terraform `admin_create_user_config { allow_admin_create_user_only = true }`)",
        cdk_fix: "selfSignUpEnabled: false",
        related: [],
    }
}

impl Rule for SelfSignUpEnabled {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let verdict = pool.allow_admin_create_user_only.fails_when(|only| !only);
            ctx.report(&pool.meta, "admin-only user creation", verdict, |only| {
                Described::new(
                    format!(
                        "anyone can sign up to user pool `{}`",
                        pool.meta.display_name()
                    ),
                    format!("`{only}`"),
                )
            });
        }
    }
}

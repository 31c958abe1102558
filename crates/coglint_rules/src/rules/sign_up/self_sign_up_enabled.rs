use coglint_model::Model;

use crate::{
    declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule, Severity,
};

declare_rule! {
    /// ## What it does
    /// Flags a user pool where anyone can create an account: `AllowAdminCreateUserOnly` is
    /// `false`, or omitted (AWS then allows self sign-up).
    ///
    /// The finding is low, and medium when an identity pool of the same template or module
    /// accepts the pool's tokens (a `CognitoIdentityProviders` entry, Terraform
    /// `cognito_identity_providers`, that refers to the pool): every self-registered user can
    /// then get AWS credentials for the identity pool's authenticated role.
    ///
    /// ## Why is this bad?
    /// With self sign-up open, anyone who finds the app client ID (it ships in every web and
    /// mobile app) can call `SignUp` and get an account, whether or not the application has a
    /// sign-up page. Each account is a foothold: it receives tokens that APIs, authorizers and
    /// identity pools may trust, and bots can create accounts by the thousand. Behind an
    /// identity pool, signing up is enough to receive AWS credentials. Open sign-up is
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
        group: Hardening,
        summary: "Anyone can sign up: AllowAdminCreateUserOnly is false or omitted (medium when an identity pool trusts the pool)",
        fix: "set `AdminCreateUserConfig.AllowAdminCreateUserOnly: true` (Terraform `admin_create_user_config { allow_admin_create_user_only = true }`)",
        cdk_fix: "selfSignUpEnabled: false",
        autofix: Unsafe,
        related: [],
    }
}

impl Rule for SelfSignUpEnabled {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let verdict = pool.allow_admin_create_user_only.fails_when(|only| !only);
            let credentials = model.identity_pool_trusts(&pool.meta);
            ctx.report(&pool.meta, "admin-only user creation", verdict, |only| {
                let name = pool.meta.display_name();
                let value = format!("`{only}`");
                // Sign-up forms stop working: unsafe.
                let remedy = Remedy::new(
                    "Set `AllowAdminCreateUserOnly` to `true`",
                    Applicability::Unsafe,
                    Action::Set(FixValue::Bool(true)),
                );
                let described = if credentials {
                    Described::new(
                        format!("anyone can sign up to user pool `{name}` and get AWS credentials from the identity pool that trusts it"),
                        value,
                    )
                    .with_severity(Severity::Medium)
                } else {
                    Described::new(format!("anyone can sign up to user pool `{name}`"), value)
                };
                described.fix(remedy)
            });
        }
    }
}

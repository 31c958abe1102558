use coglint_model::Model;

use crate::{
    declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule, Severity,
};

declare_rule! {
    /// ## What it does
    /// Flags a password policy whose minimum length is below the threshold (14 by default, the
    /// option `min-length`). With no policy at all AWS uses 8. Lengths below
    /// 8 are reported as high severity.
    ///
    /// ## Why is this bad?
    /// Length is what makes a password hard to guess or crack; composition rules add far less.
    /// Current guidance (NIST SP 800-63B, and the security baseline coglint follows) asks for
    /// long passwords. Short minimums let users pick passwords that fall to spraying and
    /// offline cracking.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 8
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 14
    ///           RequireUppercase: true
    ///           RequireLowercase: true
    ///           RequireNumbers: true
    ///           RequireSymbols: true
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `Policies.PasswordPolicy.MinimumLength: 14`.
    /// - Terraform: `password_policy { minimum_length = 14 }`.
    /// - CDK: `passwordPolicy: { minLength: 14 }`.
    ///
    /// ## References
    /// - [User pool password policy](https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html)
    pub PasswordTooShort {
        code: "COG110",
        name: "password-too-short",
        severity: Medium,
        category: SignIn,
        summary: "Minimum password length below the threshold (default 14; omitted = 8)",
        fix: "set the minimum password length to at least 14 (`PasswordPolicy.MinimumLength`, Terraform `minimum_length`)",
        cdk_fix: "passwordPolicy: { minLength: 14 }",
        autofix: Unsafe,
        related: ["Security Hub Cognito.3", "cdk-nag AwsSolutions-COG1"],
        options: [
            MIN_LENGTH: Integer {
                key: "min-length",
                default: 14,
                range: 6..=99,
                doc: "The shortest acceptable minimum password length: a policy that accepts shorter passwords is flagged.",
            },
        ],
    }
}

impl Rule for PasswordTooShort {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let threshold = ctx.option(Self::MIN_LENGTH);
        for pool in &model.user_pools {
            let policy = &pool.password_policy;
            // A password policy written without a minimum length gets one; a pool without a
            // password policy gets no fix: a policy of one property would turn off the
            // character classes AWS requires when the policy is omitted.
            let fixable = !policy.minimum_length.is_default()
                || [
                    &policy.require_uppercase,
                    &policy.require_lowercase,
                    &policy.require_numbers,
                    &policy.require_symbols,
                ]
                .iter()
                .any(|f| !f.is_default())
                || !policy.temporary_password_validity_days.is_default()
                || !policy.password_history_size.is_default();
            let verdict = pool
                .password_policy
                .minimum_length
                .fails_when(|n| *n < threshold);
            ctx.report(&pool.meta, "the minimum password length", verdict, |n| {
                let described = Described::new(
                    format!(
                        "user pool `{}` accepts passwords of {n} characters (threshold: {threshold})",
                        pool.meta.display_name()
                    ),
                    n.to_string(),
                );
                let described = if *n < 8 {
                    described.with_severity(Severity::High)
                } else {
                    described
                };
                // Users with shorter passwords must change them at their next change, and
                // sign-up forms may check the old length: unsafe.
                if fixable {
                    described.fix(Remedy::new(
                        format!("Set the minimum password length to {threshold}"),
                        Applicability::Unsafe,
                        Action::Set(FixValue::Integer(i64::from(threshold))),
                    ))
                } else {
                    described
                }
            });
        }
    }
}

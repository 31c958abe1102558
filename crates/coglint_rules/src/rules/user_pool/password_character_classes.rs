use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a password policy that does not require uppercase letters, lowercase letters or
    /// numbers. Symbols are checked too when the option `require-symbols` is on.
    ///
    /// In CloudFormation an omitted flag is not reported: AWS requires every class unless told
    /// otherwise. In Terraform it is: the provider sends `false` for a flag left out of a written
    /// `password_policy` block.
    ///
    /// ## Why is this bad?
    /// Each class left out shrinks the space an attacker has to search, and lets users choose
    /// the all-lowercase dictionary words that password spraying tries first.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Policies:
    ///         PasswordPolicy:
    ///           MinimumLength: 14
    ///           RequireUppercase: false
    ///           RequireLowercase: true
    ///           RequireNumbers: true
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
    /// - CloudFormation: set `RequireUppercase`, `RequireLowercase` and `RequireNumbers` (and
    ///   `RequireSymbols`) to `true` in `Policies.PasswordPolicy`.
    /// - Terraform: `require_uppercase`, `require_lowercase`, `require_numbers`, `require_symbols`
    ///   in `password_policy`.
    /// - CDK: `passwordPolicy: { requireUppercase: true, requireLowercase: true, requireDigits: true, requireSymbols: true }`.
    ///
    /// ## References
    /// - [PasswordPolicyType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html)
    pub PasswordCharacterClasses {
        code: "COG111",
        name: "password-character-classes",
        severity: Low,
        category: SignIn,
        group: Hardening,
        summary: "RequireUppercase, RequireLowercase or RequireNumbers is false",
        fix: "require uppercase, lowercase and numbers in the password policy",
        cdk_fix: "passwordPolicy: { requireUppercase: true, requireLowercase: true, requireDigits: true }",
        related: ["Security Hub Cognito.3", "cdk-nag AwsSolutions-COG1"],
        options: [
            REQUIRE_SYMBOLS: Flag {
                key: "require-symbols",
                default: false,
                doc: "Whether the policy must require symbols too, beside uppercase letters, lowercase letters and numbers.",
            },
        ],
    }
}

impl Rule for PasswordCharacterClasses {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let symbols = ctx.option(Self::REQUIRE_SYMBOLS);
        for pool in &model.user_pools {
            let policy = &pool.password_policy;
            let mut classes = vec![
                (&policy.require_uppercase, "uppercase letters", "uppercase"),
                (&policy.require_lowercase, "lowercase letters", "lowercase"),
                (&policy.require_numbers, "numbers", "number"),
            ];
            if symbols {
                classes.push((&policy.require_symbols, "symbols", "symbol"));
            }
            for (field, class, requirement) in classes {
                let verdict = field.fails_when(|required| !required);
                ctx.report(
                    &pool.meta,
                    &format!("the {requirement} requirement"),
                    verdict,
                    |required| {
                        Described::new(
                            format!(
                                "the password policy of user pool `{}` does not require {class}",
                                pool.meta.display_name()
                            ),
                            format!("`{required}`"),
                        )
                    },
                );
            }
        }
    }
}

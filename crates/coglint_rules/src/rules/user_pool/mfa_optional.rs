use coglint_model::{MfaConfiguration, Model};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose MFA is `OPTIONAL`.
    ///
    /// ## Why is this bad?
    /// With optional MFA each user decides, and most never register a second factor: their
    /// accounts fall to a phished or reused password as if MFA were off. Optional MFA is a
    /// migration step, not an end state.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: OPTIONAL
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `MfaConfiguration: "ON"`.
    /// - Terraform: `mfa_configuration = "ON"`.
    /// - CDK: `mfa: cognito.Mfa.REQUIRED`.
    ///
    /// If some users cannot use MFA yet, keep `OPTIONAL` for a dated migration and suppress
    /// this finding with a reason, or turn on threat protection's adaptive authentication, which
    /// asks for a second factor when a sign-in looks risky.
    ///
    /// ## References
    /// - [Adding MFA to a user pool](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html)
    pub MfaOptional {
        code: "COG102",
        name: "mfa-optional",
        severity: Medium,
        category: SignIn,
        summary: "MFA is OPTIONAL: few users opt in",
        fix: "require MFA for every user (`MfaConfiguration: \"ON\"`, Terraform `mfa_configuration = \"ON\"`)",
        cdk_fix: "mfa: cognito.Mfa.REQUIRED",
        autofix: Unsafe,
        related: ["Security Hub Cognito.5", "cdk-nag AwsSolutions-COG2"],
    }
}

impl Rule for MfaOptional {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // MFA can be required only with a factor to require: a pool whose factors are
            // all known to be off (or unknown) gets no fix. Users without a factor must
            // enroll at their next sign-in: unsafe.
            let factors = &pool.mfa_factors;
            let has_factor = [&factors.totp, &factors.sms, &factors.email]
                .iter()
                .any(|f| f.known() == Some(&true));
            let verdict = pool
                .mfa_configuration
                .fails_when(|m| *m == MfaConfiguration::Optional);
            ctx.report(&pool.meta, "MFA", verdict, |m| {
                let described = Described::new(
                    format!(
                        "MFA is optional for user pool `{}`: most users will not enable it",
                        pool.meta.display_name()
                    ),
                    format!("`{m}`"),
                );
                if has_factor {
                    described.fix(Remedy::new(
                        "Set `MfaConfiguration` to `ON`",
                        Applicability::Unsafe,
                        Action::Set(FixValue::String("ON".into())),
                    ))
                } else {
                    described
                }
            });
        }
    }
}

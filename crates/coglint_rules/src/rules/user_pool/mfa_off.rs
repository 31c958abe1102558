use coglint_model::{MfaConfiguration, Model};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose multi-factor authentication is `OFF`, written so or left to the
    /// default (AWS uses `OFF` when `MfaConfiguration` is omitted).
    ///
    /// ## Why is this bad?
    /// Without MFA a password is the only thing between an attacker and the account. Passwords
    /// are phished, reused across sites and sprayed; a second factor stops most of these attacks.
    /// MFA cannot be turned on later for users without a registered factor, so starting with it
    /// off is expensive to undo.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "OFF"
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
    /// - CloudFormation: `MfaConfiguration: "ON"` with `EnabledMfas: [SOFTWARE_TOKEN_MFA]`.
    ///   Quote `"ON"` and `"OFF"`: unquoted, YAML 1.1 reads them as booleans.
    /// - Terraform: `mfa_configuration = "ON"` with
    ///   `software_token_mfa_configuration { enabled = true }`.
    /// - CDK: `mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: false }`.
    ///
    /// ## References
    /// - [Adding MFA to a user pool](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html)
    pub MfaOff {
        code: "COG101",
        name: "mfa-off",
        severity: High,
        category: SignIn,
        summary: "MFA is off or omitted (AWS default: OFF)",
        fix: "require MFA (`MfaConfiguration: \"ON\"`, Terraform `mfa_configuration = \"ON\"`) with a TOTP factor",
        cdk_fix: "mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: false }",
        autofix: Unsafe,
        related: ["Security Hub Cognito.5", "cdk-nag AwsSolutions-COG2", "cfn_nag F78", "KICS Cognito UserPool Without MFA"],
    }
}

impl Rule for MfaOff {
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
                .fails_when(|m| *m == MfaConfiguration::Off);
            ctx.report(&pool.meta, "MFA", verdict, |m| {
                let described = Described::new(
                    format!("MFA is off for user pool `{}`", pool.meta.display_name()),
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

use coglint_model::{AdvancedSecurityMode, Model, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool with custom authentication challenge Lambda triggers
    /// (`DefineAuthChallenge`, `CreateAuthChallenge` or `VerifyAuthChallengeResponse`) that
    /// enforces threat protection (`AdvancedSecurityMode: ENFORCED`) for password sign-in but
    /// not for custom authentication. AWS uses `AUDIT` when
    /// `UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode` is omitted.
    ///
    /// A pool whose threat protection is off or only audits is not flagged here: COG201
    /// (`threat-protection-off`) and COG202 (`threat-protection-audit-only`) report it, and
    /// their fix comes first.
    ///
    /// ## Why is this bad?
    /// Custom challenges (passwordless codes, magic links, CAPTCHAs, a second password) are a
    /// sign-in path of their own. Standard threat protection covers password sign-in; custom
    /// authentication gets adaptive authentication, compromised-credential checks and blocking
    /// only when `CustomAuthMode` is `ENFORCED`. In `AUDIT` risky custom sign-ins are logged and
    /// let through, so an attacker who finds the weaker path skips the protection paid for.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
    ///       LambdaConfig:
    ///         DefineAuthChallenge: arn:aws:lambda:eu-west-1:111111111111:function:define
    ///         CreateAuthChallenge: arn:aws:lambda:eu-west-1:111111111111:function:create
    ///         VerifyAuthChallengeResponse: arn:aws:lambda:eu-west-1:111111111111:function:verify
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
    ///         AdvancedSecurityAdditionalFlows:
    ///           CustomAuthMode: ENFORCED
    ///       LambdaConfig:
    ///         DefineAuthChallenge: arn:aws:lambda:eu-west-1:111111111111:function:define
    ///         CreateAuthChallenge: arn:aws:lambda:eu-west-1:111111111111:function:create
    ///         VerifyAuthChallengeResponse: arn:aws:lambda:eu-west-1:111111111111:function:verify
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode: ENFORCED`
    ///   (threat protection needs the PLUS tier).
    /// - Terraform: `user_pool_add_ons { advanced_security_additional_flows { custom_auth_mode =
    ///   "ENFORCED" } }`.
    /// - CDK: `customThreatProtectionMode: CustomThreatProtectionMode.FULL_FUNCTION` with
    ///   `featurePlan: FeaturePlan.PLUS`.
    ///
    /// ## References
    /// - [AdvancedSecurityAdditionalFlowsType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdvancedSecurityAdditionalFlowsType.html)
    /// - [Threat protection](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    /// - [Custom authentication challenge Lambda triggers](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html)
    pub CustomAuthThreatProtection {
        code: "COG203",
        name: "custom-auth-threat-protection",
        severity: Medium,
        category: ThreatProtection,
        summary: "Threat protection is ENFORCED, custom-auth Lambda triggers are set, and CustomAuthMode is not ENFORCED (omitted = AUDIT)",
        fix: "set `UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode: ENFORCED` (Terraform `custom_auth_mode = \"ENFORCED\"`)",
        cdk_fix: "customThreatProtectionMode: cognito.CustomThreatProtectionMode.FULL_FUNCTION",
        related: ["Security Hub Cognito.4"],
    }
}

impl Rule for CustomAuthThreatProtection {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // Custom authentication matters only with its triggers, and is this rule's case only
            // where threat protection is enforced: otherwise COG201/COG202 report the pool.
            let may_enforce = pool.advanced_security_mode.alternatives().iter().any(
                |a| !matches!(&a.value, Value::Known(m) if *m != AdvancedSecurityMode::Enforced),
            );
            if !pool.custom_auth_triggers.may_be_true() || !may_enforce {
                continue;
            }
            // The finding points at the custom-auth mode: that is what to change.
            let mode = pool
                .custom_auth_mode
                .zip(&pool.custom_auth_triggers, |mode, triggers| {
                    (*mode, *triggers)
                })
                .zip(
                    &pool.advanced_security_mode,
                    |(mode, triggers), standard| (*mode, *triggers, *standard),
                );
            let verdict = mode.fails_when(|(mode, triggers, standard)| {
                *triggers
                    && *standard == AdvancedSecurityMode::Enforced
                    && *mode != AdvancedSecurityMode::Enforced
            });
            ctx.report(
                &pool.meta,
                "threat protection for custom authentication",
                verdict,
                |(mode, _, _)| {
                    Described::new(
                        format!(
                            "user pool `{}` enforces threat protection for passwords but not for its custom authentication challenges (`{mode}`)",
                            pool.meta.display_name()
                        ),
                        format!("`{mode}`"),
                    )
                },
            );
        }
    }
}

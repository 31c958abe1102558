use coglint_model::{AdvancedSecurityMode, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose threat protection (formerly "advanced security features") is
    /// `OFF`, written so or left to the default: `UserPoolAddOns.AdvancedSecurityMode` omitted
    /// means `OFF`.
    ///
    /// ## Why is this bad?
    /// Threat protection is what notices credential stuffing, sign-ins from unusual places and
    /// devices, and passwords known to be compromised, and blocks them or asks for MFA. Without
    /// it, Cognito accepts every correct password from anywhere. Threat protection needs the
    /// Plus feature plan (`UserPoolTier: PLUS`).
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
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
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `UserPoolTier: PLUS` and `UserPoolAddOns: {AdvancedSecurityMode: ENFORCED}`.
    /// - Terraform: `user_pool_tier = "PLUS"` and
    ///   `user_pool_add_ons { advanced_security_mode = "ENFORCED" }`.
    /// - CDK: `featurePlan: cognito.FeaturePlan.PLUS, standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION`.
    ///
    /// ## References
    /// - [Threat protection](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    pub ThreatProtectionOff {
        code: "COG201",
        name: "threat-protection-off",
        severity: High,
        category: ThreatProtection,
        summary: "Threat protection (AdvancedSecurityMode) is OFF or omitted",
        fix: "turn on threat protection in enforcement mode (`AdvancedSecurityMode: ENFORCED`, on the PLUS tier)",
        cdk_fix: "featurePlan: cognito.FeaturePlan.PLUS, standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION",
        related: ["Security Hub Cognito.1", "cdk-nag AwsSolutions-COG8"],
    }
}

impl Rule for ThreatProtectionOff {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let verdict = pool
                .advanced_security_mode
                .fails_when(|m| *m == AdvancedSecurityMode::Off);
            ctx.report(&pool.meta, "threat protection", verdict, |m| {
                Described::new(
                    format!(
                        "threat protection is off for user pool `{}`",
                        pool.meta.display_name()
                    ),
                    format!("`{m}`"),
                )
            });
        }
    }
}

use coglint_model::{AdvancedSecurityMode, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a risk configuration attached to a user pool whose threat protection is `OFF`
    /// (written, or `UserPoolAddOns.AdvancedSecurityMode` omitted) or `AUDIT`. The pool must be
    /// in the scanned files: a pool from another stack, or an ID written as text, is not
    /// judged. The finding points at the risk configuration's `UserPoolId`.
    ///
    /// ## Why is this bad?
    /// Cognito applies the actions of a risk configuration (block, require MFA, notify) only in
    /// full-function `ENFORCED` mode. Attached to a pool that is off or only auditing, the
    /// configuration reads like protection in review but does nothing at sign-in.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   RiskConfiguration:
    ///     Type: AWS::Cognito::UserPoolRiskConfigurationAttachment
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ClientId: ALL
    ///       CompromisedCredentialsRiskConfiguration:
    ///         Actions:
    ///           EventAction: BLOCK
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: AUDIT
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   RiskConfiguration:
    ///     Type: AWS::Cognito::UserPoolRiskConfigurationAttachment
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ClientId: ALL
    ///       CompromisedCredentialsRiskConfiguration:
    ///         Actions:
    ///           EventAction: BLOCK
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `UserPoolAddOns.AdvancedSecurityMode: ENFORCED` on the user pool (Plus tier).
    /// - Terraform: `user_pool_add_ons { advanced_security_mode = "ENFORCED" }` on the user pool.
    /// - CDK: `featurePlan: cognito.FeaturePlan.PLUS, standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION`.
    ///
    /// ## References
    /// - [SetRiskConfiguration](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html)
    /// - [Threat protection](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    pub RiskConfigurationWithoutEffect {
        code: "COG208",
        name: "risk-configuration-without-effect",
        severity: Low,
        category: ThreatProtection,
        summary: "A risk configuration is attached while threat protection is OFF or AUDIT",
        fix: "enforce threat protection on the user pool (`AdvancedSecurityMode: ENFORCED`), or remove the risk configuration",
        cdk_fix: "standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION",
        related: [],
    }
}

impl Rule for RiskConfigurationWithoutEffect {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for risk in &model.risk_configurations {
            let mode = model.linked_pool_setting(&risk.user_pool, |p| &p.advanced_security_mode);
            let pool = risk
                .user_pool
                .known()
                .and_then(|link| model.user_pool(&link.target))
                .map_or("its user pool".to_string(), |p| {
                    format!("user pool `{}`", p.meta.display_name())
                });
            let verdict = mode.fails_when(|m| *m != AdvancedSecurityMode::Enforced);
            ctx.report(&risk.meta, "the user pool's threat protection", verdict, |m| {
                Described::new(
                    format!(
                        "risk configuration `{}` has no effect: threat protection of {pool} is not enforced",
                        risk.meta.display_name()
                    ),
                    format!("`{m}`"),
                )
            });
        }
    }
}

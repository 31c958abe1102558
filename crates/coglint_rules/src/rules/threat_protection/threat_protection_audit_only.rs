use coglint_model::{AdvancedSecurityMode, Model};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose threat protection runs in `AUDIT` mode.
    ///
    /// ## Why is this bad?
    /// In audit mode Cognito scores every sign-in for risk and logs it, then lets it through:
    /// a credential-stuffing attack or a compromised password is recorded, never stopped.
    /// Audit mode is meant for a short observation period before enforcement, and it costs the
    /// same as enforcement.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
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
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `UserPoolAddOns.AdvancedSecurityMode: ENFORCED`.
    /// - Terraform: `user_pool_add_ons { advanced_security_mode = "ENFORCED" }`.
    /// - CDK: `standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION`.
    ///
    /// ## References
    /// - [Threat protection](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    pub ThreatProtectionAuditOnly {
        code: "COG202",
        name: "threat-protection-audit-only",
        severity: High,
        category: ThreatProtection,
        summary: "Threat protection in AUDIT mode: risks are logged, never blocked",
        fix: "switch threat protection to enforcement (`AdvancedSecurityMode: ENFORCED`)",
        cdk_fix: "standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION",
        autofix: Unsafe,
        related: ["Security Hub Cognito.1"],
    }
}

impl Rule for ThreatProtectionAuditOnly {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let verdict = pool
                .advanced_security_mode
                .fails_when(|m| *m == AdvancedSecurityMode::Audit);
            ctx.report(&pool.meta, "threat protection", verdict, |m| {
                Described::new(
                    format!(
                        "threat protection of user pool `{}` only audits: risky sign-ins are logged, not blocked",
                        pool.meta.display_name()
                    ),
                    format!("`{m}`"),
                )
                // Risky sign-ins start being blocked or challenged: unsafe.
                .fix(Remedy::new(
                    "Set `AdvancedSecurityMode` to `ENFORCED`",
                    Applicability::Unsafe,
                    Action::Set(FixValue::String("ENFORCED".into())),
                ))
            });
        }
    }
}

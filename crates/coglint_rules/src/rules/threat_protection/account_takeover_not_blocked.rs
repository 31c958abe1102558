use coglint_model::{AccountTakeoverAction, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a risk configuration whose account-takeover response to a high risk is not `BLOCK`,
    /// or whose response to a medium risk is `NO_ACTION`. A risk level without an action, or a
    /// risk configuration without an account-takeover section, is not judged.
    ///
    /// ## Why is this bad?
    /// A high-risk sign-in is one threat protection is confident is an attacker: a new device in
    /// an unusual place with signs of automation. Letting it through, or asking for MFA only "if
    /// configured", hands the account over whenever the user has no second factor. A medium-risk
    /// sign-in with `NO_ACTION` is never challenged at all.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   RiskConfiguration:
    ///     Type: AWS::Cognito::UserPoolRiskConfigurationAttachment
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ClientId: ALL
    ///       AccountTakeoverRiskConfiguration:
    ///         Actions:
    ///           HighAction:
    ///             EventAction: MFA_IF_CONFIGURED
    ///             Notify: true
    ///           MediumAction:
    ///             EventAction: NO_ACTION
    ///             Notify: false
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
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
    ///       AccountTakeoverRiskConfiguration:
    ///         Actions:
    ///           HighAction:
    ///             EventAction: BLOCK
    ///             Notify: true
    ///           MediumAction:
    ///             EventAction: MFA_REQUIRED
    ///             Notify: true
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: PLUS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction: BLOCK`, and a `MediumAction` of `MFA_REQUIRED`, `MFA_IF_CONFIGURED` or `BLOCK`.
    /// - Terraform: `account_takeover_risk_configuration { actions { high_action { event_action = "BLOCK" } } }`, and a `medium_action` other than `NO_ACTION`.
    /// - CDK: `accountTakeoverRiskConfiguration: { actions: { highAction: { eventAction: 'BLOCK', notify: true } } }` on a `CfnUserPoolRiskConfigurationAttachment`.
    ///
    /// ## References
    /// - [AccountTakeoverActionType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionType.html)
    /// - [Threat protection](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    pub AccountTakeoverNotBlocked {
        code: "COG206",
        name: "account-takeover-not-blocked",
        severity: Medium,
        category: ThreatProtection,
        summary: "Account-takeover high risk is not BLOCK, or medium risk takes no action",
        fix: "set the high-risk `EventAction` to `BLOCK` and the medium-risk one to `MFA_REQUIRED` (or `BLOCK`)",
        cdk_fix: "accountTakeoverRiskConfiguration: { actions: { highAction: { eventAction: 'BLOCK', notify: true } } } on a CfnUserPoolRiskConfigurationAttachment",
        related: [],
    }
}

impl Rule for AccountTakeoverNotBlocked {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for risk in &model.risk_configurations {
            let name = risk.meta.display_name();
            let verdict = risk
                .high_risk_action
                .fails_when(|a| a.is_some_and(|a| a != AccountTakeoverAction::Block));
            ctx.report(&risk.meta, "the high-risk action", verdict, |a| {
                let value = a.map(|a| a.as_str()).unwrap_or_default();
                Described::new(
                    format!("risk configuration `{name}` does not block sign-ins at high risk of account takeover"),
                    format!("`{value}`"),
                )
            });
            let verdict = risk
                .medium_risk_action
                .fails_when(|a| *a == Some(AccountTakeoverAction::NoAction));
            ctx.report(&risk.meta, "the medium-risk action", verdict, |_| {
                Described::new(
                    format!("risk configuration `{name}` lets sign-ins at medium risk of account takeover through unchallenged"),
                    "`NO_ACTION`",
                )
            });
        }
    }
}

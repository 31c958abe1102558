use coglint_model::{CompromisedCredentialsAction, Model, RiskEvent};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a risk configuration whose compromised-credentials action is `NO_ACTION`, or whose
    /// event filter leaves out `SIGN_IN` (so a sign-in with a breached password is let through).
    /// An omitted event filter means every event; a risk configuration without a
    /// compromised-credentials section is not judged.
    ///
    /// ## Why is this bad?
    /// Threat protection compares passwords with credentials published in breaches. With
    /// `NO_ACTION` a match is only logged, and a filter without `SIGN_IN` only checks sign-up and
    /// password changes: an attacker replaying a leaked email and password signs in as the user.
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
    ///           EventAction: NO_ACTION
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
    /// - CloudFormation: `CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: BLOCK } }`, with `EventFilter` omitted or including `SIGN_IN`.
    /// - Terraform: `compromised_credentials_risk_configuration { actions { event_action = "BLOCK" } }`, with `event_filter` omitted or including `"SIGN_IN"`.
    /// - CDK: `new CfnUserPoolRiskConfigurationAttachment(this, 'Risk', { userPoolId, clientId: 'ALL', compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } } })`.
    ///
    /// ## References
    /// - [CompromisedCredentialsRiskConfigurationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompromisedCredentialsRiskConfigurationType.html)
    /// - [Threat protection](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    pub CompromisedCredentialsNotBlocked {
        code: "COG205",
        name: "compromised-credentials-not-blocked",
        severity: Medium,
        category: ThreatProtection,
        summary: "The compromised-credentials action is NO_ACTION, or its event filter leaves out SIGN_IN",
        fix: "set the compromised-credentials `EventAction` to `BLOCK` and keep `SIGN_IN` in its `EventFilter` (or omit the filter)",
        cdk_fix: "compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } } on a CfnUserPoolRiskConfigurationAttachment",
        related: [],
    }
}

impl Rule for CompromisedCredentialsNotBlocked {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for risk in &model.risk_configurations {
            let name = risk.meta.display_name();
            let action = &risk.compromised_credentials_action;
            let verdict = action.fails_when(|a| *a == Some(CompromisedCredentialsAction::NoAction));
            ctx.report(&risk.meta, "the compromised-credentials action", verdict, |_| {
                Described::new(
                    format!("risk configuration `{name}` lets sign-ins with compromised credentials through"),
                    "`NO_ACTION`",
                )
            });
            // The filter matters only where the action blocks; an empty filter is no filter.
            let events = risk
                .compromised_credentials_events
                .zip(action, |events, action| (events.clone(), *action));
            let verdict = events.fails_when(|(events, action)| {
                *action != Some(CompromisedCredentialsAction::NoAction)
                    && !events.is_empty()
                    && !events.iter().any(|e| e.value == RiskEvent::SignIn)
            });
            ctx.report(&risk.meta, "the compromised-credentials event filter", verdict, |(events, _)| {
                let listed: Vec<_> = events.iter().map(|e| e.value.as_str()).collect();
                Described::new(
                    format!(
                        "risk configuration `{name}` does not check sign-ins for compromised credentials"
                    ),
                    format!("`[{}]`, without `SIGN_IN`", listed.join(", ")),
                )
            });
        }
    }
}

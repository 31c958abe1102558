use coglint_model::{Check, Model, Verdict};

use crate::{declare_rule, Context, Described, Label, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose SMS configuration (the IAM role Cognito assumes to send text
    /// messages through Amazon SNS) has no `ExternalId`, written empty or left out, or names a
    /// role, declared in the same template or module, whose trust policy lets
    /// `cognito-idp.amazonaws.com` assume it without a condition on `sts:ExternalId`. Each SMS
    /// configuration is one finding, at the pool (at its `ExternalId`, or its header when the
    /// ID is left out), with the role's trust statement as a related location. A user pool
    /// without an SMS configuration is not flagged. A role given as an ARN (another stack's, or
    /// one written as text) cannot be read, and only the pool's side is checked.
    ///
    /// ## Why is this bad?
    /// The role lets `cognito-idp.amazonaws.com` publish text messages, billed to your
    /// account. When Cognito assumes it without an external ID (and the trust policy does not
    /// ask for one), any user pool, in any account, that names the role's ARN can make Cognito
    /// assume it: a confused deputy that sends SMS at your expense and can exhaust your SNS
    /// spending limit. The external ID, required by the role's trust policy, ties the role to
    /// your user pools.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       SmsConfiguration:
    ///         SnsCallerArn: arn:aws:iam::123456789012:role/cognito-sms
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       SmsConfiguration:
    ///         SnsCallerArn: arn:aws:iam::123456789012:role/cognito-sms
    ///         ExternalId: my-user-pool-sms
    /// ```
    ///
    /// ## How to fix
    /// Set an external ID, and require it in the role's trust policy
    /// (`Condition: {StringEquals: {"sts:ExternalId": ...}}`):
    /// - CloudFormation: `SmsConfiguration.ExternalId`.
    /// - Terraform: `sms_configuration { external_id = "..." }`.
    /// - CDK: `smsRoleExternalId: '...'` (the role the CDK creates itself already requires one).
    ///
    /// ## References
    /// - [SmsConfigurationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SmsConfigurationType.html)
    /// - [SMS message settings for user pools](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html)
    /// - [The confused deputy problem](https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html)
    pub SmsRoleWithoutExternalId {
        code: "COG606",
        name: "sms-role-without-external-id",
        severity: Low,
        category: Operations,
        summary: "The SMS configuration has no ExternalId, or its SNS role's trust policy does not require sts:ExternalId",
        fix: "set `SmsConfiguration.ExternalId` (Terraform `sms_configuration { external_id }`) and require it in the role's trust policy",
        cdk_fix: "smsRoleExternalId: '...'",
        related: [],
    }
}

impl Rule for SmsRoleWithoutExternalId {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // Without an SMS configuration there is no role to protect.
            if !pool.sms_configured.may_be_true() {
                continue;
            }
            // The role's side, when it is in the scan: the first trust statement that lets
            // Cognito assume it without an external ID.
            let role = pool
                .sms_role
                .known()
                .and_then(|link| model.iam_role(&link.target));
            let open_trust = role.and_then(|role| {
                let verdict = role.trust_policy.check(|policy| {
                    let open = policy
                        .statements_trusting("Service", COGNITO_IDP)
                        .find(|s| {
                            s.conditions_on("sts:ExternalId")
                                .is_some_and(|mut c| c.next().is_none())
                        });
                    match open {
                        Some(statement) => {
                            Check::FailAt(statement.principal_at.unwrap_or(statement.at))
                        }
                        None => Check::Pass,
                    }
                });
                let first = verdict.hits.first().map(|hit| hit.at);
                // What cannot be read of the trust policy is listed, never reported.
                let undecided = Verdict {
                    hits: Vec::new(),
                    unresolved: verdict.unresolved,
                    total: verdict.total,
                };
                ctx.report(&role.meta, "the SMS role's trust policy", undecided, |_| {
                    Described::new(String::new(), String::new())
                });
                first
            });
            let role_name = role.map(|r| r.meta.display_name().to_string());
            let missing = pool
                .sms_external_id
                .zip(&pool.sms_configured, |id, configured| {
                    (*configured, id.is_none())
                });
            let verdict = missing.fails_when(|(configured, missing)| {
                *configured && (*missing || open_trust.is_some())
            });
            let name = pool.meta.display_name();
            ctx.report(
                &pool.meta,
                "the SMS role's external ID",
                verdict,
                |(_, missing)| {
                    let described = match (missing, &role_name, open_trust) {
                        (true, Some(role), Some(_)) => Described::new(
                            format!(
                                "user pool `{name}` assumes its SMS role without an external ID, and role `{role}` does not require one"
                            ),
                            "no external ID",
                        ),
                        (true, _, _) => Described::new(
                            format!("user pool `{name}` assumes its SMS role without an external ID"),
                            "no external ID",
                        ),
                        (false, role, _) => {
                            let role = role.as_deref().unwrap_or_default();
                            Described::new(
                                format!(
                                    "user pool `{name}` sends SMS with role `{role}`, which lets Cognito assume it without an external ID"
                                ),
                                format!("set, but role `{role}` does not require it"),
                            )
                        }
                    };
                    match (open_trust, &role_name) {
                        (Some(span), Some(role)) => described.related(Label {
                            span,
                            message: format!(
                                "the trust policy of role `{role}` lets `{COGNITO_IDP}` assume it without an `sts:ExternalId` condition"
                            ),
                        }),
                        _ => described,
                    }
                },
            );
        }
    }
}

/// The service principal user pools assume roles as.
const COGNITO_IDP: &str = "cognito-idp.amazonaws.com";

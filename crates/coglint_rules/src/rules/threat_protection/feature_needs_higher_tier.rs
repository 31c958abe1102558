use coglint_model::LogEventSource;
use coglint_model::{AdvancedSecurityMode, AuthFactor, Check, Model, UserPoolTier, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool that sets a feature its feature plan (`UserPoolTier`, ESSENTIALS when
    /// omitted) does not include:
    /// - threat protection (`UserPoolAddOns.AdvancedSecurityMode` `AUDIT` or `ENFORCED`)
    ///   without the PLUS tier;
    /// - on the LITE tier: a password history (`PasswordHistorySize` above 0), email one-time
    ///   codes for MFA (`EMAIL_OTP` in `EnabledMfas`, Terraform `email_mfa_configuration`), or a
    ///   sign-in policy that allows a first factor other than the password (passkeys with
    ///   `WEB_AUTHN`, `EMAIL_OTP`, `SMS_OTP`).
    ///
    /// It also reads the resources attached to a pool of the same template or module, against
    /// that pool's tier:
    /// - a risk configuration (`AWS::Cognito::UserPoolRiskConfigurationAttachment`, Terraform
    ///   `aws_cognito_risk_configuration`) on a pool without the PLUS tier, reported at its
    ///   `UserPoolId`;
    /// - a log delivery configuration that exports user activity (`EventSource:
    ///   userAuthEvents`) of a pool without the PLUS tier, reported at the event source.
    ///
    /// A pool outside the scan is not judged. Managed login version 2 is not checked yet.
    ///
    /// ## Why is this bad?
    /// The template promises a protection that the pool will not have. Depending on the path,
    /// the deployment fails, or the setting is dropped and the pool runs without it: no
    /// blocking of risky sign-ins, passwords reused at will, no phishing-resistant passkeys.
    /// A reviewer who reads the template believes the protection is there.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolTier: ESSENTIALS
    ///       UserPoolAddOns:
    ///         AdvancedSecurityMode: ENFORCED
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
    /// Choose the tier the features need, or drop the feature.
    /// - CloudFormation: `UserPoolTier: PLUS` for threat protection; `ESSENTIALS` (or `PLUS`)
    ///   for password history, email MFA and passkeys.
    /// - Terraform: `user_pool_tier = "PLUS"` (or `"ESSENTIALS"`).
    /// - CDK: `featurePlan: cognito.FeaturePlan.PLUS` (or `ESSENTIALS`).
    ///
    /// ## References
    /// - [User pool feature plans](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html)
    /// - [Essentials plan features](https://docs.aws.amazon.com/cognito/latest/developerguide/feature-plans-features-essentials.html)
    /// - [Threat protection (Plus plan)](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html)
    /// - [SignInPolicyType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignInPolicyType.html)
    pub FeatureNeedsHigherTier {
        code: "COG204",
        name: "feature-needs-higher-tier",
        severity: High,
        category: ThreatProtection,
        summary: "A feature the tier does not include: threat protection, risk configuration or user-activity log export without PLUS; password history, email OTP or passkeys on LITE",
        fix: "choose the tier the feature needs (`UserPoolTier: PLUS` for threat protection, `ESSENTIALS` for the rest; Terraform `user_pool_tier`) or remove the feature",
        cdk_fix: "featurePlan: cognito.FeaturePlan.PLUS",
        related: ["cdk-nag AwsSolutions-COG8"],
    }
}

impl Rule for FeatureNeedsHigherTier {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let name = pool.meta.display_name();
            let tier_note = if pool.tier.is_default() {
                " (the default when the tier is omitted)"
            } else {
                ""
            };
            let on = |tier: &UserPoolTier| format!("on the {tier} tier{tier_note}");
            // Each feature is checked against the tier only where it may be set, so that an
            // unknown tier is listed for the features the pool has, not for every one.
            let sets = |field: &coglint_model::Field<bool>| field.may_be_true();

            let threat_protection = pool
                .advanced_security_mode
                .clone()
                .map(|mode| mode != AdvancedSecurityMode::Off);
            if sets(&threat_protection) {
                let mode = pool
                    .advanced_security_mode
                    .zip(&pool.tier, |mode, tier| (*mode, *tier));
                let verdict = mode.fails_when(|(mode, tier)| {
                    *mode != AdvancedSecurityMode::Off && *tier != UserPoolTier::Plus
                });
                ctx.report(&pool.meta, "threat protection", verdict, |(mode, tier)| {
                    Described::new(
                        format!("threat protection of user pool `{name}` needs the PLUS tier; the pool is {}", on(tier)),
                        format!("`{mode}` {}", on(tier)),
                    )
                });
            }

            let history = pool
                .password_policy
                .password_history_size
                .clone()
                .map(|size| size > 0);
            if sets(&history) {
                let history = pool
                    .password_policy
                    .password_history_size
                    .zip(&pool.tier, |size, tier| (*size, *tier));
                let verdict =
                    history.fails_when(|(size, tier)| *size > 0 && *tier == UserPoolTier::Lite);
                ctx.report(&pool.meta, "the password history", verdict, |(size, tier)| {
                    Described::new(
                        format!("the password history of user pool `{name}` needs the ESSENTIALS or PLUS tier; the pool is {}", on(tier)),
                        format!("{size} {}", on(tier)),
                    )
                });
            }

            if sets(&pool.mfa_factors.email) {
                let email = pool
                    .mfa_factors
                    .email
                    .zip(&pool.tier, |email, tier| (*email, *tier));
                let verdict =
                    email.fails_when(|(email, tier)| *email && *tier == UserPoolTier::Lite);
                ctx.report(&pool.meta, "email MFA", verdict, |(_, tier)| {
                    Described::new(
                        format!("MFA by email for user pool `{name}` needs the ESSENTIALS or PLUS tier; the pool is {}", on(tier)),
                        format!("enabled {}", on(tier)),
                    )
                });
            }

            let passwordless = pool
                .allowed_first_auth_factors
                .clone()
                .map(|factors| factors.iter().any(|f| f.value != AuthFactor::Password));
            if sets(&passwordless) {
                let sign_in = pool
                    .allowed_first_auth_factors
                    .zip(&pool.tier, |factors, tier| (factors.clone(), *tier));
                let verdict = sign_in.check(|(factors, tier)| {
                    if *tier != UserPoolTier::Lite {
                        return Check::Pass;
                    }
                    match factors.iter().find(|f| f.value != AuthFactor::Password) {
                        Some(f) => f.at.map_or(Check::Fail, Check::FailAt),
                        None => Check::Pass,
                    }
                });
                ctx.report(&pool.meta, "the first sign-in factors", verdict, |(factors, tier)| {
                    let extra: Vec<String> = factors
                        .iter()
                        .filter(|f| f.value != AuthFactor::Password)
                        .map(|f| format!("`{}`", f.value))
                        .collect();
                    Described::new(
                        format!("sign-in without a password for user pool `{name}` needs the ESSENTIALS or PLUS tier; the pool is {}", on(tier)),
                        format!("{} {}", extra.join(", "), on(tier)),
                    )
                    .item()
                });
            }
        }

        // Resources attached to a pool, against the pool's tier.
        let omitted = |target: Option<&str>| {
            let defaulted = target
                .and_then(|t| model.user_pool(t))
                .is_some_and(|p| p.tier.is_default());
            if defaulted {
                " (the default when the tier is omitted)"
            } else {
                ""
            }
        };
        for risk in &model.risk_configurations {
            let note = omitted(risk.user_pool.known().map(|r| r.target.as_str()));
            let tier = model.linked_pool_setting(&risk.user_pool, |p| &p.tier);
            let verdict = tier.fails_when(|tier| *tier != UserPoolTier::Plus);
            ctx.report(&risk.meta, "the user pool's tier", verdict, |tier| {
                Described::new(
                    format!(
                        "risk configuration `{}` needs the PLUS tier; its user pool is on the {tier} tier{note}",
                        risk.meta.display_name()
                    ),
                    format!("`{tier}`"),
                )
            });
        }
        for delivery in &model.log_delivery_configurations {
            let note = omitted(
                delivery
                    .user_pool
                    .known()
                    .and_then(|r| r.as_ref())
                    .map(|r| r.target.as_str()),
            );
            // A pool named by its ID written as text is outside the scan: unknown.
            let link = delivery.user_pool.clone().map(|target| {
                target.unwrap_or(coglint_model::ResourceRef {
                    target: "a user pool named by its ID".into(),
                })
            });
            for configurations in delivery.log_configurations.alternatives() {
                let Value::Known(configurations) = &configurations.value else {
                    continue;
                };
                for configuration in configurations {
                    let source = &configuration.value.event_source;
                    let user_activity = source
                        .clone()
                        .map(|s| s == Some(LogEventSource::UserAuthEvents));
                    if !user_activity.may_be_true() {
                        continue;
                    }
                    let tier = model.linked_pool_setting(&link, |p| &p.tier);
                    let sourced = source.zip(&tier, |source, tier| (*source, *tier));
                    let verdict = sourced.fails_when(|(source, tier)| {
                        *source == Some(LogEventSource::UserAuthEvents)
                            && *tier != UserPoolTier::Plus
                    });
                    ctx.report(
                        &delivery.meta,
                        "the log event source",
                        verdict,
                        |(_, tier)| {
                            Described::new(
                                format!(
                                    "log delivery configuration `{}` exports user activity (`userAuthEvents`), which needs the PLUS tier; its user pool is on the {tier} tier{note}",
                                    delivery.meta.display_name()
                                ),
                                format!("`userAuthEvents` on the {tier} tier"),
                            )
                        },
                    );
                }
            }
        }
    }
}

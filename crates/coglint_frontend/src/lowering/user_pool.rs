//! A user pool.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::{
    Alternative, Field, Item, List, PasswordPolicy, Provenance, ResourceMeta, Scenario, Unknown,
    UserPool, Value,
};
use coglint_model::{MfaFactor, MfaFactors};

use super::{Prop, Resource};
use crate::value::{Product, TooManyScenarios, MAX_ALTERNATIVES};

/// The MFA factors. CloudFormation (like the API) lists them in `EnabledMfas`, and with that
/// omitted an `SmsConfiguration` alone enables SMS; Terraform has one setting per factor.
fn mfa_factors(r: &Resource<'_, '_>) -> MfaFactors {
    let n = r.names;
    let sms_configured = r.present(n(Prop::SmsConfiguration), defaults::MFA_FACTOR_CONFIGURED);
    if n(Prop::EnabledMfas).is_empty() {
        return MfaFactors {
            sms: sms_configured,
            totp: r.scalar(n(Prop::SoftwareTokenMfaEnabled), |_| {
                defaults::SOFTWARE_TOKEN_MFA_ENABLED
            }),
            email: r.present(
                n(Prop::EmailMfaConfiguration),
                defaults::MFA_FACTOR_CONFIGURED,
            ),
        };
    }
    let listed = r.optional_list::<MfaFactor>(n(Prop::EnabledMfas), defaults::ENABLED_MFAS);
    let lists = |factor: MfaFactor| {
        listed
            .clone()
            .map(move |l| l.is_some_and(|items| items.iter().any(|i| i.value == factor)))
    };
    // SMS: as listed, or, with no list, as configured; the finding points at whichever decides.
    let mut sms = Vec::new();
    for l in listed.alternatives() {
        for c in sms_configured.alternatives() {
            let Some(scenario) = l.scenario.merge(&c.scenario) else {
                continue;
            };
            sms.push(match &l.value {
                Value::Known(None) => Alternative {
                    scenario,
                    ..c.clone()
                },
                Value::Known(Some(items)) => Alternative {
                    value: Value::Known(items.iter().any(|i| i.value == MfaFactor::Sms)),
                    scenario,
                    provenance: l.provenance.clone(),
                },
                Value::Unknown(u) => Alternative {
                    value: Value::Unknown(u.clone()),
                    scenario,
                    provenance: l.provenance.clone(),
                },
            });
        }
    }
    // The pairs of a list and a configuration: past the cap, one unknown, as for any product.
    if sms.len() > MAX_ALTERNATIVES {
        sms = vec![Alternative {
            value: Value::Unknown(Unknown::new(TooManyScenarios.to_string())),
            scenario: Scenario::always(),
            provenance: Provenance::Literal { at: r.header },
        }];
    }
    MfaFactors {
        sms: Field::from_alternatives(sms, r.header),
        totp: lists(MfaFactor::SoftwareToken),
        email: lists(MfaFactor::Email),
    }
}

/// Whether any of the custom authentication challenge triggers is set.
fn custom_auth_triggers(r: &Resource<'_, '_>) -> Field<bool> {
    let n = r.names;
    let set = |p| r.present(n(p), defaults::LAMBDA_TRIGGER_SET);
    set(Prop::DefineAuthChallenge)
        .zip(&set(Prop::CreateAuthChallenge), |a, b| *a || *b)
        .zip(&set(Prop::VerifyAuthChallengeResponse), |a, b| *a || *b)
}

/// The account recovery mechanisms, each read from its entry (a name or priority may come from
/// a parameter or a condition), combined into one list per scenario; `None` when omitted.
fn recovery_mechanisms(
    r: &Resource<'_, '_>,
) -> Field<Option<List<coglint_model::RecoveryMechanism>>> {
    use coglint_model::{RecoveryMechanism, RecoveryOption};
    let n = r.names;
    let entries = r.elements(
        n(Prop::RecoveryMechanisms),
        defaults::ACCOUNT_RECOVERY_LEGACY.doc,
        |m| {
            // Both are required: without one, the entry has no value (the deployment fails).
            fn required<T>(_depth: usize) -> AwsDefault<Option<T>> {
                AwsDefault {
                    value: None,
                    doc: defaults::RECOVERY_MECHANISM_REQUIRED.doc,
                }
            }
            let option: Field<Option<RecoveryOption>> =
                m.scalar(n(Prop::RecoveryMechanismName), required);
            let priority: Field<Option<u32>> =
                m.scalar(n(Prop::RecoveryMechanismPriority), required);
            option.zip(&priority, |o, p| match (o, p) {
                (Some(option), Some(priority)) => Some(RecoveryMechanism {
                    option: *option,
                    priority: *priority,
                }),
                _ => None,
            })
        },
    );
    let mut alternatives = Vec::new();
    for alt in entries.alternatives() {
        let items = match &alt.value {
            Value::Unknown(u) => {
                alternatives.push(Alternative {
                    value: Value::Unknown(u.clone()),
                    scenario: alt.scenario.clone(),
                    provenance: alt.provenance.clone(),
                });
                continue;
            }
            Value::Known(_) if alt.provenance.is_default() => {
                alternatives.push(Alternative {
                    value: Value::Known(None),
                    scenario: alt.scenario.clone(),
                    provenance: alt.provenance.clone(),
                });
                continue;
            }
            Value::Known(items) => items,
        };
        // Past the cap, the list is one unknown from there on (later entries still narrow its
        // scenarios).
        let mut product = Product::new(&alt.scenario, Ok(Vec::new()));
        for item in items {
            let step = product.extend(
                |scenario, done: Result<List<RecoveryMechanism>, Unknown>, next| {
                    for a in item.value.alternatives() {
                        let Some(merged) = scenario.merge(&a.scenario) else {
                            continue;
                        };
                        let list = match (&done, &a.value) {
                            (Err(u), _) | (Ok(_), Value::Unknown(u)) => Err(u.clone()),
                            (Ok(_), Value::Known(None)) => Err(Unknown::new(
                                "a recovery mechanism without a name or a priority",
                            )),
                            (Ok(list), Value::Known(Some(m))) => {
                                let mut list = list.clone();
                                list.push(Item {
                                    value: *m,
                                    at: Some(a.provenance.primary()),
                                });
                                Ok(list)
                            }
                        };
                        next.push((merged, list));
                    }
                },
            );
            if let Err(too_many) = step {
                product = Product::new(&alt.scenario, Err(Unknown::new(too_many.to_string())));
            }
        }
        let partials = product.into_combinations();
        alternatives.extend(partials.into_iter().map(|(scenario, list)| Alternative {
            value: match list {
                Ok(list) => Value::Known(Some(list)),
                Err(u) => Value::Unknown(u),
            },
            scenario,
            provenance: alt.provenance.clone(),
        }));
    }
    Field::from_alternatives(alternatives, r.header)
}

pub(crate) fn user_pool(r: &Resource<'_, '_>, meta: ResourceMeta) -> UserPool {
    let n = r.names;
    // Depth 0: the whole policy is omitted; deeper: only the flag within a written policy.
    let class = |p| {
        r.scalar(n(p), |depth| match depth {
            0 => defaults::PASSWORD_REQUIRE_CHARACTER_CLASS,
            _ => r.class_flag_in_policy,
        })
    };
    UserPool {
        meta,
        tier: r.scalar(n(Prop::UserPoolTier), |_| defaults::USER_POOL_TIER),
        mfa_configuration: r.scalar(n(Prop::MfaConfiguration), |_| defaults::MFA_CONFIGURATION),
        password_policy: PasswordPolicy {
            minimum_length: r.scalar(n(Prop::MinimumLength), |_| {
                defaults::PASSWORD_MINIMUM_LENGTH
            }),
            require_uppercase: class(Prop::RequireUppercase),
            require_lowercase: class(Prop::RequireLowercase),
            require_numbers: class(Prop::RequireNumbers),
            require_symbols: class(Prop::RequireSymbols),
            temporary_password_validity_days: r
                .scalar(n(Prop::TemporaryPasswordValidityDays), |_| {
                    defaults::TEMPORARY_PASSWORD_VALIDITY_DAYS
                }),
            password_history_size: r.scalar(n(Prop::PasswordHistorySize), |_| {
                defaults::PASSWORD_HISTORY_SIZE
            }),
        },
        advanced_security_mode: r.scalar(n(Prop::AdvancedSecurityMode), |_| {
            defaults::ADVANCED_SECURITY_MODE
        }),
        custom_auth_mode: r.scalar(n(Prop::CustomAuthMode), |_| defaults::CUSTOM_AUTH_MODE),
        deletion_protection: r.scalar(n(Prop::DeletionProtection), |_| {
            defaults::DELETION_PROTECTION
        }),
        allow_admin_create_user_only: r.scalar(n(Prop::AllowAdminCreateUserOnly), |_| {
            defaults::ALLOW_ADMIN_CREATE_USER_ONLY
        }),
        username_case_sensitive: r.scalar(n(Prop::UsernameCaseSensitive), |_| {
            defaults::USERNAME_CASE_SENSITIVE
        }),
        mfa_factors: mfa_factors(r),
        custom_auth_triggers: custom_auth_triggers(r),
        allowed_first_auth_factors: r.list(
            n(Prop::AllowedFirstAuthFactors),
            defaults::ALLOWED_FIRST_AUTH_FACTORS,
        ),
        // Depth 0: no device configuration at all, so devices are not remembered.
        challenge_required_on_new_device: r.scalar(
            n(Prop::ChallengeRequiredOnNewDevice),
            |depth| match depth {
                0 => defaults::DEVICE_REMEMBERING_OFF,
                _ => defaults::CHALLENGE_REQUIRED_ON_NEW_DEVICE,
            },
        ),
        username_attributes: r.list(n(Prop::UsernameAttributes), defaults::NO_USER_ATTRIBUTES),
        alias_attributes: r.list(n(Prop::AliasAttributes), defaults::NO_USER_ATTRIBUTES),
        auto_verified_attributes: r.list(
            n(Prop::AutoVerifiedAttributes),
            defaults::NO_USER_ATTRIBUTES,
        ),
        attributes_require_verification_before_update: r.list(
            n(Prop::AttributesRequireVerificationBeforeUpdate),
            defaults::ATTRIBUTES_REQUIRE_VERIFICATION_BEFORE_UPDATE,
        ),
        recovery_mechanisms: recovery_mechanisms(r),
        schema: r.elements(n(Prop::Schema), defaults::SCHEMA.doc, |a| {
            coglint_model::SchemaAttribute {
                name: a.scalar(n(Prop::SchemaAttributeName), |_| {
                    defaults::SCHEMA_ATTRIBUTE_NAME
                }),
                mutable: a.scalar(n(Prop::SchemaAttributeMutable), |_| {
                    defaults::SCHEMA_ATTRIBUTE_MUTABLE
                }),
            }
        }),
        sms_configured: r.present(n(Prop::SmsConfiguration), defaults::MFA_FACTOR_CONFIGURED),
        sms_external_id: r
            .scalar(n(Prop::SmsExternalId), |_| defaults::SMS_EXTERNAL_ID)
            .map(|id: Option<String>| id.filter(|id| !id.trim().is_empty())),
        sms_role: r.link(n(Prop::SmsRole)),
    }
}

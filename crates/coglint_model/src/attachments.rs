//! Resources that attach something to a user pool from outside it (a WAF web ACL, the export
//! of its logs), the Lambda permissions that let Cognito invoke triggers, and the question
//! every such rule asks: is the pool covered, in each scenario?

use std::collections::{BTreeMap, BTreeSet};

use crate::field::MAX_ALTERNATIVES;
use crate::field::{Alternative, Field, List, Provenance, Scenario, Subject, Unknown, Value};
use crate::resources::{Model, ResourceMeta, ResourceRef, Unread};
use crate::values::LogEventSource;

/// A WAF web ACL association: the web ACL filters the requests of the resource it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebAclAssociation {
    pub meta: ResourceMeta,
    /// The protected resource: one of the same template or module, or `None` for one outside
    /// the scan (an ARN written as text).
    pub resource: Field<Option<ResourceRef>>,
}

/// The export of a user pool's logs (to CloudWatch Logs, S3 or Firehose).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogDeliveryConfiguration {
    pub meta: ResourceMeta,
    /// The user pool: one of the same template or module, or `None` for one outside the scan
    /// (an ID written as text).
    pub user_pool: Field<Option<ResourceRef>>,
    /// Each destination, located at its entry.
    pub log_configurations: Field<List<LogConfiguration>>,
}

/// One destination of a log delivery configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogConfiguration {
    /// Which logs go there; `None` when omitted (the deployment rejects that).
    pub event_source: Field<Option<LogEventSource>>,
}

/// A resource-based permission of a Lambda function: who may invoke it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaPermission {
    pub meta: ResourceMeta,
    /// The principal as written (`cognito-idp.amazonaws.com`); `None` when omitted.
    pub principal: Field<Option<String>>,
    /// Whether the permission names the one resource (`SourceArn`) whose calls it allows.
    pub has_source_arn: Field<bool>,
}

impl LambdaPermission {
    /// The service principal of Cognito user pools, which invokes their Lambda triggers.
    pub const USER_POOLS_PRINCIPAL: &'static str = "cognito-idp.amazonaws.com";

    /// Whether `principal` is Cognito user pools' service principal.
    pub fn is_user_pools_principal(principal: &str) -> bool {
        principal
            .trim()
            .eq_ignore_ascii_case(Self::USER_POOLS_PRINCIPAL)
    }
}

impl Model {
    /// Whether one of `attachments` (each a resource and its link to what it attaches to)
    /// targets `pool`, in every scenario of the links: `true` located at the link that covers
    /// the pool, `false` located at the pool's header, unknown when no link covers the pool and
    /// one cannot be resolved (it may name this pool). Scenarios are the combinations of the
    /// parameters and conditions the links depend on.
    pub fn pool_attachment(
        &self,
        pool: &ResourceMeta,
        attachments: &[(&ResourceMeta, &Field<Option<ResourceRef>>)],
    ) -> Field<bool> {
        let header = pool.header;
        let mut subjects: BTreeMap<&Subject, BTreeSet<&str>> = BTreeMap::new();
        for (_, link) in attachments {
            for a in link.alternatives() {
                for (subject, value) in a.scenario.assumptions() {
                    let values = subjects.entry(subject).or_default();
                    values.insert(value.as_str());
                    // A resource created under a condition is absent when it is false.
                    if matches!(subject, Subject::Condition(_)) {
                        values.extend(["true", "false"]);
                    }
                }
            }
        }
        let mut scenarios = vec![Scenario::always()];
        for (subject, values) in &subjects {
            scenarios = scenarios
                .iter()
                .flat_map(|s| values.iter().filter_map(|v| s.with((*subject).clone(), *v)))
                .collect();
            if scenarios.len() > MAX_ALTERNATIVES {
                return Field::unknown(
                    format!("more than {MAX_ALTERNATIVES} scenarios decide what is attached to the pool"),
                    header,
                );
            }
        }
        // Handed to another stack: what that stack attaches to the pool is not seen.
        let hand_off = self.hand_offs.iter().find(|h| h.target == pool.name);
        // Nor what a file that could not be parsed, or a module not followed that is given the
        // pool, attaches.
        let unread = self.unread.iter().find_map(|u| match u {
            Unread::File { name } => Some((
                format!("`{name}` could not be parsed, and may attach one"),
                Provenance::Literal { at: header },
            )),
            Unread::ModuleCall {
                name,
                reason,
                at,
                links,
                ..
            } if links.contains(&pool.name) => Some((
                format!("module `{name}` is given the pool and is not read ({reason})"),
                Provenance::Literal { at: *at },
            )),
            Unread::ModuleCall { .. } => None,
        });
        let mut alternatives: Vec<Alternative<bool>> = Vec::new();
        for scenario in scenarios {
            let mut covered = None;
            let mut unresolved = None;
            for (meta, link) in attachments {
                for a in link.alternatives() {
                    if scenario.merge(&a.scenario).as_ref() != Some(&scenario) {
                        continue;
                    }
                    match &a.value {
                        Value::Known(Some(target)) if target.target == pool.name => {
                            covered.get_or_insert(a.provenance.clone());
                        }
                        Value::Unknown(u) => {
                            unresolved.get_or_insert((
                                format!(
                                    "`{}` is attached to a resource that cannot be resolved ({})",
                                    meta.display_name(),
                                    u.reason
                                ),
                                a.provenance.clone(),
                            ));
                        }
                        Value::Known(_) => {}
                    }
                }
            }
            let (value, provenance) = match (covered, unresolved) {
                (Some(provenance), _) => (Value::Known(true), provenance),
                (None, Some((reason, provenance))) => {
                    (Value::Unknown(Unknown::new(reason)), provenance)
                }
                (None, None) => match (hand_off, &unread) {
                    (None, Some((reason, provenance))) => (
                        Value::Unknown(Unknown::new(reason.clone())),
                        provenance.clone(),
                    ),
                    (Some(hand_off), _) => (
                        Value::Unknown(Unknown::new(format!(
                            "the pool is handed to stack `{}`, which is not followed",
                            hand_off.to
                        ))),
                        Provenance::Literal { at: hand_off.at },
                    ),
                    (None, None) => (Value::Known(false), Provenance::Literal { at: header }),
                },
            };
            alternatives.push(Alternative {
                value,
                scenario,
                provenance,
            });
        }
        // Scenarios with the same answer are told as one when together they cover every value
        // of the subjects they differ in: "when `IsProd` is false", not each combination.
        let mut merged: Vec<Alternative<bool>> = Vec::new();
        let mut done = vec![false; alternatives.len()];
        for i in 0..alternatives.len() {
            if done[i] {
                continue;
            }
            let first = &alternatives[i];
            let group: Vec<usize> = (i..alternatives.len())
                .filter(|&j| {
                    !done[j]
                        && alternatives[j].value == first.value
                        && alternatives[j].provenance == first.provenance
                })
                .collect();
            let common: Vec<&(Subject, String)> = first
                .scenario
                .assumptions()
                .iter()
                .filter(|a| {
                    group
                        .iter()
                        .all(|&j| alternatives[j].scenario.assumptions().contains(a))
                })
                .collect();
            let cube: usize = subjects
                .iter()
                .filter(|(subject, _)| !common.iter().any(|(s, _)| s == **subject))
                .map(|(_, values)| values.len())
                .product();
            if group.len() == cube {
                let scenario = common
                    .iter()
                    .try_fold(Scenario::always(), |s, (subject, value)| {
                        s.with(subject.clone(), value.clone())
                    })
                    .unwrap_or_default();
                merged.push(Alternative {
                    scenario,
                    ..first.clone()
                });
                for j in group {
                    done[j] = true;
                }
            } else {
                merged.push(first.clone());
                done[i] = true;
            }
        }
        let alternatives = merged;
        Field::from_alternatives(alternatives, header)
    }

    /// Whether an identity pool of this unit accepts tokens from `pool` (a
    /// `CognitoIdentityProviders` entry links to it) in some scenario: its users can then get
    /// AWS credentials.
    pub fn identity_pool_trusts(&self, pool: &ResourceMeta) -> bool {
        self.identity_pools.iter().any(|identity_pool| {
            identity_pool
                .cognito_identity_providers
                .alternatives()
                .iter()
                .any(|providers| match &providers.value {
                    Value::Known(providers) => providers.iter().any(|provider| {
                        provider.value.user_pool.alternatives().iter().any(
                            |link| matches!(&link.value, Value::Known(r) if r.target == pool.name),
                        )
                    }),
                    Value::Unknown(_) => false,
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::ResourceKind;
    use coglint_source::{FileId, Span, TextRange};

    fn at(n: u32) -> Span {
        Span::new(FileId(0), TextRange::new(n, n + 1))
    }

    fn meta(name: &str, n: u32) -> ResourceMeta {
        ResourceMeta {
            kind: ResourceKind::UserPool,
            name: name.into(),
            type_name: String::new(),
            header: at(n),
            logical_path: None,
            reported_at: None,
            called_from: Vec::new(),
            suppressions: Vec::new(),
        }
    }

    fn link(
        value: Value<Option<ResourceRef>>,
        scenario: Scenario,
        n: u32,
    ) -> Alternative<Option<ResourceRef>> {
        Alternative {
            value,
            scenario,
            provenance: Provenance::Literal { at: at(n) },
        }
    }

    fn to(name: &str) -> Value<Option<ResourceRef>> {
        Value::Known(Some(ResourceRef {
            target: name.into(),
        }))
    }

    fn values(field: &Field<bool>) -> Vec<(Option<bool>, String)> {
        field
            .alternatives()
            .iter()
            .map(|a| {
                let v = match a.value {
                    Value::Known(b) => Some(b),
                    Value::Unknown(_) => None,
                };
                (v, a.scenario.to_string())
            })
            .collect()
    }

    #[test]
    fn a_pool_is_covered_missing_or_unknown() {
        let model = Model::default();
        let pool_meta = meta("Pool", 0);
        let condition = |v: &str| {
            Scenario::always()
                .with(Subject::Condition("IsProd".into()), v)
                .unwrap_or_default()
        };
        // One association on this pool only when IsProd is true.
        let conditional = Field::from_alternatives(
            vec![
                link(to("Pool"), condition("true"), 10),
                link(to("Other"), condition("false"), 11),
            ],
            at(9),
        );
        let assoc = meta("Assoc", 9);
        let pool = pool_meta;
        let field = model.pool_attachment(&pool, &[(&assoc, &conditional)]);
        assert_eq!(
            values(&field),
            vec![
                (Some(false), "condition `IsProd` is false".to_string()),
                (Some(true), "condition `IsProd` is true".to_string()),
            ]
        );
        // An unresolved link makes the pool unknown, unless another link covers it.
        let unknown = Field::single(
            Value::Unknown(Unknown::new("a parameter")),
            Provenance::Literal { at: at(20) },
        );
        let field = model.pool_attachment(&pool, &[(&assoc, &unknown)]);
        assert_eq!(values(&field), vec![(None, String::new())]);
        let direct = Field::single(to("Pool"), Provenance::Literal { at: at(30) });
        let field = model.pool_attachment(&pool, &[(&assoc, &unknown), (&assoc, &direct)]);
        assert_eq!(values(&field), vec![(Some(true), String::new())]);
        let field = model.pool_attachment(&pool, &[]);
        assert_eq!(values(&field), vec![(Some(false), String::new())]);
    }

    #[test]
    fn what_is_not_read_may_attach_to_the_pool() {
        let pool = meta("aws_cognito_user_pool.main", 0);
        let call = |links: Vec<String>| Unread::ModuleCall {
            name: "module.waf".into(),
            source: "example/waf/aws".into(),
            reason: "not installed".into(),
            at: at(40),
            links,
        };
        let mut model = Model::default();
        // A module not followed, given something else: the pool is not covered.
        model
            .unread
            .push(call(vec!["aws_cognito_user_pool.other".into()]));
        let field = model.pool_attachment(&pool, &[]);
        assert_eq!(values(&field), vec![(Some(false), String::new())]);
        // Given the pool: unknown, at the call.
        model
            .unread
            .push(call(vec!["aws_cognito_user_pool.main".into()]));
        let field = model.pool_attachment(&pool, &[]);
        assert_eq!(values(&field), vec![(None, String::new())]);
        assert_eq!(field.alternatives()[0].provenance.primary(), at(40));
        // A file that could not be parsed may attach to anything.
        let mut model = Model::default();
        model.unread.push(Unread::File {
            name: "waf.tf".into(),
        });
        let field = model.pool_attachment(&pool, &[]);
        assert_eq!(values(&field), vec![(None, String::new())]);
        // A link that covers the pool still decides.
        let direct = Field::single(
            to("aws_cognito_user_pool.main"),
            Provenance::Literal { at: at(30) },
        );
        let assoc = meta("Assoc", 9);
        let field = model.pool_attachment(&pool, &[(&assoc, &direct)]);
        assert_eq!(values(&field), vec![(Some(true), String::new())]);
    }
}

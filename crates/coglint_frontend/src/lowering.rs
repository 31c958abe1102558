//! Typing evaluated values into the model: what every front end shares. A front end reads a
//! property (a [`PropertySource`]) and names it ([`Names`]); the defaults, the parsing of values
//! and the shape of each resource are decided here once.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::{
    AdvancedSecurityMode, Alternative, DeletionProtection, ExplicitAuthFlow, Field, Item, List,
    MfaConfiguration, OAuthFlow, PasswordPolicy, PreventUserExistenceErrors, Provenance,
    ResourceMeta, ResourceRef, Scenario, TokenUnit, TokenValidity, Unknown, UserPool,
    UserPoolClient, UserPoolTier, Value,
};
use coglint_source::Span;
use coglint_syntax::{Node, NodeKind, ScalarStyle};

use crate::value::{Alt, Resolved};

/// The properties the model reads, whatever a format calls them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prop {
    UserPoolTier,
    MfaConfiguration,
    MinimumLength,
    RequireUppercase,
    RequireLowercase,
    RequireNumbers,
    RequireSymbols,
    TemporaryPasswordValidityDays,
    PasswordHistorySize,
    AdvancedSecurityMode,
    CustomAuthMode,
    DeletionProtection,
    AllowAdminCreateUserOnly,
    UsernameCaseSensitive,
    ClientUserPool,
    GenerateSecret,
    ExplicitAuthFlows,
    AllowedOAuthFlows,
    AllowedOAuthFlowsUserPoolClient,
    AllowedOAuthScopes,
    CallbackUrls,
    LogoutUrls,
    PreventUserExistenceErrors,
    AccessTokenValidity,
    IdTokenValidity,
    RefreshTokenValidity,
    AccessTokenUnit,
    IdTokenUnit,
    RefreshTokenUnit,
    EnableTokenRevocation,
}

/// A format's path to each property (`["Policies", "PasswordPolicy", "MinimumLength"]`).
pub(crate) type Names = fn(Prop) -> &'static [&'static str];

/// Where a front end reads a resource's properties from.
pub(crate) trait PropertySource<'a> {
    /// The value at `path`, in every scenario in which the resource exists.
    fn read(&self, path: &[&str]) -> Vec<Alt<'a>>;

    /// The item combinations of a list written as a source node (items may be functions).
    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>>;
}

/// A value that a template writes as a scalar.
pub(crate) trait FromText: Sized {
    /// Reads `text`; `plain` says it was an unquoted YAML scalar. `Err` says why it is invalid.
    fn from_text(text: &str, plain: bool) -> Result<Self, String>;
}

impl FromText for u32 {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        text.trim()
            .parse()
            .map_err(|_| format!("`{text}` is not a whole number"))
    }
}

impl FromText for bool {
    fn from_text(text: &str, plain: bool) -> Result<Self, String> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            // YAML 1.1, which CloudFormation reads, makes these booleans when unquoted.
            "yes" | "on" | "y" if plain => Ok(true),
            "no" | "off" | "n" if plain => Ok(false),
            _ => Err(format!("`{text}` is not true or false")),
        }
    }
}

impl FromText for String {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        Ok(text.to_string())
    }
}

impl<T: FromText> FromText for Option<T> {
    fn from_text(text: &str, plain: bool) -> Result<Self, String> {
        T::from_text(text, plain).map(Some)
    }
}

macro_rules! enum_from_text {
    ($($ty:ty),+) => {$(
        impl FromText for $ty {
            fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
                <$ty>::parse(text).ok_or_else(|| {
                    let valid: Vec<_> = <$ty>::ALL.iter().map(|v| v.as_str()).collect();
                    format!("`{text}` is not one of {}", valid.join(", "))
                })
            }
        }
    )+};
}

enum_from_text!(
    MfaConfiguration,
    AdvancedSecurityMode,
    UserPoolTier,
    DeletionProtection,
    OAuthFlow,
    PreventUserExistenceErrors,
    ExplicitAuthFlow,
    TokenUnit
);

/// Builds the fields of one resource.
pub(crate) struct Resource<'s, 'a> {
    pub source: &'s dyn PropertySource<'a>,
    pub header: Span,
    pub names: Names,
    /// What a `Require*` flag left out of a written password policy becomes: the API's
    /// default for CloudFormation, `false` for Terraform's provider.
    pub class_flag_in_policy: AwsDefault<bool>,
}

fn convert<T: FromText>(value: &Resolved<'_>) -> Value<T> {
    let parsed = match value {
        Resolved::Node(n) => match &n.kind {
            NodeKind::Scalar(s) => T::from_text(&s.text, s.style == ScalarStyle::Plain),
            NodeKind::Sequence(_) => Err("a list where a single value is expected".to_string()),
            NodeKind::Mapping(_) => Err("a mapping where a single value is expected".to_string()),
        },
        Resolved::Text(t) => T::from_text(t, false),
        Resolved::Texts(_) | Resolved::Items(_) => {
            Err("a list where a single value is expected".to_string())
        }
        Resolved::Fields(_) => Err("an object where a single value is expected".to_string()),
        Resolved::Link(name) => Err(format!("the ID of `{name}`, known only at deployment")),
        Resolved::Unknown(reason) => Err(reason.clone()),
        Resolved::Absent { .. } => Err("no value".to_string()),
    };
    match parsed {
        Ok(v) => Value::Known(v),
        Err(reason) => Value::Unknown(Unknown::new(reason)),
    }
}

impl<'a> Resource<'_, 'a> {
    fn alternatives(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.source.read(path)
    }

    fn defaulted<T>(
        &self,
        path: &[&str],
        default: AwsDefault<T>,
        scenario: Scenario,
    ) -> Alternative<T> {
        Alternative {
            value: Value::Known(default.value),
            scenario,
            provenance: Provenance::Default {
                resource: self.header,
                // The whole path: what the user has to add, even when a block above it is missing.
                property: path.join("."),
                doc: default.doc,
            },
        }
    }

    /// A scalar property; `default` gives AWS's value when the key at the given depth is missing.
    fn scalar<T: FromText>(
        &self,
        path: &[&str],
        default: impl Fn(usize) -> AwsDefault<T>,
    ) -> Field<T> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| match alt.value {
                Resolved::Absent { depth } => self.defaulted(path, default(depth), alt.scenario),
                ref value => Alternative {
                    value: convert(value),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                },
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// A list property, each item with its own location when written one by one.
    fn list<T: FromText + Clone + 'static>(
        &self,
        path: &[&str],
        default: AwsDefault<&'static [T]>,
    ) -> Field<List<T>> {
        let mut alternatives = Vec::new();
        for alt in self.alternatives(path) {
            match alt.value {
                Resolved::Absent { .. } => {
                    let items = default
                        .value
                        .iter()
                        .map(|v| Item {
                            value: v.clone(),
                            at: None,
                        })
                        .collect();
                    let d = AwsDefault {
                        value: items,
                        doc: default.doc,
                    };
                    alternatives.push(self.defaulted(path, d, alt.scenario));
                }
                Resolved::Node(node) if node.items().is_some() => {
                    for combination in self.source.list(node, &alt.scenario) {
                        alternatives.push(match combination {
                            Ok((scenario, items)) => Alternative {
                                value: collect_items(&items),
                                scenario,
                                provenance: alt.provenance.clone(),
                            },
                            Err(unknown) => Alternative {
                                value: Value::Unknown(match convert::<String>(&unknown.value) {
                                    Value::Unknown(u) => u,
                                    Value::Known(_) => {
                                        Unknown::new("a list item could not be read")
                                    }
                                }),
                                scenario: unknown.scenario,
                                provenance: unknown.provenance,
                            },
                        });
                    }
                }
                Resolved::Items(items) => alternatives.push(Alternative {
                    value: collect_items(&items),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                }),
                Resolved::Texts(texts) => {
                    let items: Result<List<T>, String> = texts
                        .iter()
                        .map(|t| T::from_text(t, false).map(|value| Item { value, at: None }))
                        .collect();
                    alternatives.push(Alternative {
                        value: match items {
                            Ok(items) => Value::Known(items),
                            Err(reason) => Value::Unknown(Unknown::new(reason)),
                        },
                        scenario: alt.scenario,
                        provenance: alt.provenance,
                    });
                }
                Resolved::Unknown(reason) => alternatives.push(Alternative {
                    value: Value::Unknown(Unknown::new(reason)),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                }),
                _ => alternatives.push(Alternative {
                    value: Value::Unknown(Unknown::new("a single value where a list is expected")),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                }),
            }
        }
        Field::from_alternatives(alternatives, self.header)
    }

    /// A link to another resource of the same template or module.
    fn link(&self, path: &[&str]) -> Field<ResourceRef> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| Alternative {
                value: match &alt.value {
                    Resolved::Link(target) => Value::Known(ResourceRef {
                        target: target.clone(),
                    }),
                    Resolved::Unknown(reason) => Value::Unknown(Unknown::new(reason.clone())),
                    Resolved::Absent { .. } => {
                        Value::Unknown(Unknown::new(format!("`{}` is missing", path.join("."))))
                    }
                    _ => Value::Unknown(Unknown::new(
                        "the resource is not declared in this template",
                    )),
                },
                scenario: alt.scenario,
                provenance: alt.provenance,
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// A token validity: an amount in a unit, each of which may be omitted.
    fn token_validity(
        &self,
        amount: &[&str],
        unit: &[&str],
        default: AwsDefault<TokenValidity>,
        unit_default: AwsDefault<TokenUnit>,
    ) -> Field<TokenValidity> {
        let amount: Field<Option<u32>> = self.scalar(amount, |_| AwsDefault {
            value: None,
            doc: default.doc,
        });
        let unit: Field<TokenUnit> = self.scalar(unit, |_| unit_default);
        amount.zip(&unit, |a, u| match a {
            Some(n) => TokenValidity::new(*n, *u),
            None => default.value,
        })
    }
}

fn collect_items<T: FromText>(items: &[Alt<'_>]) -> Value<List<T>> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match convert::<T>(&item.value) {
            Value::Known(value) => out.push(Item {
                value,
                at: Some(item.provenance.primary()),
            }),
            Value::Unknown(u) => return Value::Unknown(u),
        }
    }
    Value::Known(out)
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
    }
}

pub(crate) fn client(r: &Resource<'_, '_>, meta: ResourceMeta) -> UserPoolClient {
    let n = r.names;
    UserPoolClient {
        meta,
        user_pool: r.link(n(Prop::ClientUserPool)),
        generate_secret: r.scalar(n(Prop::GenerateSecret), |_| defaults::GENERATE_SECRET),
        explicit_auth_flows: r.list(n(Prop::ExplicitAuthFlows), defaults::EXPLICIT_AUTH_FLOWS),
        allowed_oauth_flows: r.list(n(Prop::AllowedOAuthFlows), defaults::ALLOWED_OAUTH_FLOWS),
        allowed_oauth_flows_user_pool_client: r.scalar(
            n(Prop::AllowedOAuthFlowsUserPoolClient),
            |_| AwsDefault {
                value: false,
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        allowed_oauth_scopes: r.list(
            n(Prop::AllowedOAuthScopes),
            AwsDefault {
                value: &[],
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        callback_urls: r.list(
            n(Prop::CallbackUrls),
            AwsDefault {
                value: &[],
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        logout_urls: r.list(
            n(Prop::LogoutUrls),
            AwsDefault {
                value: &[],
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        prevent_user_existence_errors: r.scalar(n(Prop::PreventUserExistenceErrors), |_| {
            defaults::PREVENT_USER_EXISTENCE_ERRORS
        }),
        access_token_validity: r.token_validity(
            n(Prop::AccessTokenValidity),
            n(Prop::AccessTokenUnit),
            defaults::ACCESS_TOKEN_VALIDITY,
            defaults::ACCESS_TOKEN_UNIT,
        ),
        id_token_validity: r.token_validity(
            n(Prop::IdTokenValidity),
            n(Prop::IdTokenUnit),
            defaults::ID_TOKEN_VALIDITY,
            defaults::ID_TOKEN_UNIT,
        ),
        refresh_token_validity: r.token_validity(
            n(Prop::RefreshTokenValidity),
            n(Prop::RefreshTokenUnit),
            defaults::REFRESH_TOKEN_VALIDITY,
            defaults::REFRESH_TOKEN_UNIT,
        ),
        enable_token_revocation: r.scalar(n(Prop::EnableTokenRevocation), |_| {
            defaults::ENABLE_TOKEN_REVOCATION
        }),
    }
}

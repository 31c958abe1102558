//! Typing evaluated values into the model: what every front end shares. A front end reads a
//! property (a [`PropertySource`]) and names it ([`Names`]); the defaults, the parsing of values
//! and the shape of each resource are decided here once.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::{
    AccountTakeoverAction, CognitoIdentityProvider, CompromisedCredentialsAction, IdentityPool,
    RiskConfiguration, RiskEvent,
};
use coglint_model::{
    AdvancedSecurityMode, Alternative, DeletionProtection, ExplicitAuthFlow, Field, Item, List,
    MfaConfiguration, OAuthFlow, PasswordPolicy, PreventUserExistenceErrors, Provenance,
    ResourceMeta, ResourceRef, Scenario, TokenUnit, TokenValidity, Unknown, UserPool,
    UserPoolClient, UserPoolTier, Value,
};
use coglint_model::{EnumValue, Spelling};
use coglint_model::{MfaFactor, MfaFactors};
use coglint_source::Span;
use coglint_syntax::{Node, NodeKind, ScalarStyle};
use std::cell::RefCell;

use crate::value::{Alt, Resolved};

mod iam;
pub(crate) use iam::{iam_policy, iam_role, identity_pool_role_attachment, role_policy_attachment};

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
    ChallengeRequiredOnNewDevice,
    UsernameAttributes,
    AliasAttributes,
    AutoVerifiedAttributes,
    AttributesRequireVerificationBeforeUpdate,
    RecoveryMechanisms,
    RecoveryMechanismName,
    RecoveryMechanismPriority,
    // MFA factors: a format has either `EnabledMfas` or one setting per factor; the names of
    // the other kind are empty.
    EnabledMfas,
    SmsConfiguration,
    SoftwareTokenMfaEnabled,
    EmailMfaConfiguration,
    DefineAuthChallenge,
    CreateAuthChallenge,
    VerifyAuthChallengeResponse,
    AllowedFirstAuthFactors,
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
    DefaultRedirectUri,
    RefreshTokenRotation,
    WriteAttributes,
    // The schema's attributes; name and mutability are read inside each entry.
    Schema,
    SchemaAttributeName,
    SchemaAttributeMutable,
    // Identity pools; the provider's own settings are read inside each provider entry.
    AllowUnauthenticatedIdentities,
    AllowClassicFlow,
    CognitoIdentityProviders,
    IdentityProviderName,
    IdentityProviderClient,
    ServerSideTokenCheck,
    // Risk configurations.
    RiskUserPool,
    CompromisedCredentialsAction,
    CompromisedCredentialsEvents,
    HighRiskAction,
    MediumRiskAction,
    LowRiskAction,
    SkippedIpRanges,
    // WAF web ACL associations, log delivery configurations and Lambda permissions.
    WebAclResource,
    LogDeliveryUserPool,
    LogConfigurations,
    LogEventSource,
    LambdaPrincipal,
    LambdaSourceArn,
    // The SMS configuration's external ID and role (the configuration itself is
    // `SmsConfiguration`).
    SmsExternalId,
    SmsRole,
    // Federated identity providers of user pools.
    IdpUserPool,
    IdpClientSecret,
    IdpPrivateKey,
    // API Gateway REST API methods, and HTTP/WebSocket API routes.
    ApiMethodAuthorizationType,
    ApiMethodHttpMethod,
    ApiRouteAuthorizationType,
    ApiRouteKey,
    // Identity pool role attachments; a role mapping's settings are read inside each mapping.
    RoleAttachmentIdentityPool,
    AuthenticatedRole,
    UnauthenticatedRole,
    RoleMappings,
    RoleMappingIdentityProvider,
    RoleMappingType,
    AmbiguousRoleResolution,
    // IAM roles and policies; an inline policy's document is read inside each entry.
    TrustPolicy,
    InlinePolicies,
    InlinePolicyDocument,
    ManagedPolicyArns,
    PolicyDocument,
    PolicyRoles,
    AttachmentRole,
    AttachmentPolicyArn,
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

    /// The elements of a list of objects at `path` (an identity pool's
    /// `CognitoIdentityProviders`, repeated Terraform blocks), in every scenario.
    fn elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>>;

    /// The value at `path` inside one element from [`PropertySource::elements`].
    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>>;

    /// Evaluates a node found inside a value that [`PropertySource::read`] returned (the
    /// functions nested in a policy document).
    fn resolve(&self, node: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        let _ = node;
        vec![Alt {
            scenario: scenario.clone(),
            value: Resolved::Unknown("a nested value that is not evaluated".into()),
            provenance: Provenance::Literal {
                at: Span::new(coglint_source::FileId(0), Default::default()),
            },
        }]
    }

    /// A policy document at `path`: like [`PropertySource::read`], but a document written
    /// through a function that serializes it (Terraform's `jsonencode`) is read as the object
    /// it serializes, so that its parts keep their places.
    fn read_document(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.read(path)
    }

    /// [`PropertySource::read_document`] inside one element from [`PropertySource::elements`].
    fn read_element_document(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        self.read_element(element, path)
    }
}

/// The elements of a list of objects in one scenario.
#[derive(Clone)]
pub(crate) struct Elements<'a> {
    pub scenario: Scenario,
    /// Where the list is written (or, when it is omitted, the resource).
    pub provenance: Provenance,
    /// `None`: the list is omitted.
    pub elements: Option<Vec<Element<'a>>>,
}

/// One element of a list of objects.
#[derive(Clone)]
pub(crate) struct Element<'a> {
    pub scenario: Scenario,
    /// The element's own place: a finding on a setting it leaves out points here.
    pub at: Span,
    pub value: ElementValue<'a>,
}

#[derive(Clone)]
pub(crate) enum ElementValue<'a> {
    /// An evaluated value: a template mapping, a Terraform object.
    Value(Alt<'a>),
    /// A Terraform block, read like a resource body.
    Block(crate::terraform::BodyRef<'a>),
}

/// One element read as a property source of its own, so that its fields are built (defaults,
/// parameters, scenarios) exactly like a resource's.
struct ElementSource<'s, 'a> {
    parent: &'s dyn PropertySource<'a>,
    element: Element<'a>,
}

impl<'a> PropertySource<'a> for ElementSource<'_, 'a> {
    fn read(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element(&self.element, path)
    }

    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        self.parent.list(node, scenario)
    }

    fn elements(&self, _path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        vec![Err(Alt {
            scenario: self.element.scenario.clone(),
            value: Resolved::Unknown(
                "a list of objects inside a list of objects is not read".into(),
            ),
            provenance: Provenance::Literal {
                at: self.element.at,
            },
        })]
    }

    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element(element, path)
    }

    fn resolve(&self, node: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        self.parent.resolve(node, scenario)
    }

    fn read_document(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element_document(&self.element, path)
    }

    fn read_element_document(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element_document(element, path)
    }
}

/// A value that a template writes as a scalar.
pub(crate) trait FromText: Sized {
    /// Reads `text`; `plain` says it was an unquoted YAML scalar. `Err` says why it is invalid.
    fn from_text(text: &str, plain: bool) -> Result<Self, String>;

    /// Whether this is an enumeration of the API (whose spellings are checked).
    const ENUM: bool = false;

    /// For an enumeration: the API's spelling of the value `text` means, if it means one.
    fn canonical(_text: &str) -> Option<&'static str> {
        None
    }
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

    const ENUM: bool = T::ENUM;

    fn canonical(text: &str) -> Option<&'static str> {
        T::canonical(text)
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

            const ENUM: bool = true;

            fn canonical(text: &str) -> Option<&'static str> {
                <$ty>::parse(text).map(<$ty>::as_str)
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
enum_from_text!(coglint_model::RefreshTokenRotation);
enum_from_text!(coglint_model::MfaFactor, coglint_model::AuthFactor);
enum_from_text!(coglint_model::UserAttribute, coglint_model::RecoveryOption);

/// Builds the fields of one resource.
pub(crate) struct Resource<'s, 'a> {
    pub source: &'s dyn PropertySource<'a>,
    pub header: Span,
    pub names: Names,
    /// What a `Require*` flag left out of a written password policy becomes: the API's
    /// default for CloudFormation, `false` for Terraform's provider.
    pub class_flag_in_policy: AwsDefault<bool>,
    /// The enumeration values written, noted while the fields are read.
    pub enum_values: RefCell<Vec<EnumValue>>,
}

/// The words YAML 1.1 (which CloudFormation reads) takes for booleans when they are unquoted.
const YAML_11_BOOLEANS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
];

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
                ref value => {
                    self.note_enum_value::<T>(path, &alt);
                    Alternative {
                        value: convert(value),
                        scenario: alt.scenario,
                        provenance: alt.provenance,
                    }
                }
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// Notes how an enumeration value is written (for the check of spellings AWS rejects).
    fn note_enum_value<T: FromText>(&self, path: &[&str], alt: &Alt<'_>) {
        if !T::ENUM {
            return;
        }
        let (text, plain) = match &alt.value {
            Resolved::Node(n) => match &n.kind {
                NodeKind::Scalar(s) => (s.text.as_str(), s.style == ScalarStyle::Plain),
                _ => return,
            },
            Resolved::Text(t) => (t.as_str(), false),
            Resolved::Unknown(reason) => {
                let value = Value::Unknown(Unknown::new(reason.clone()));
                self.note(path, value, alt.scenario.clone(), alt.provenance.clone());
                return;
            }
            _ => return,
        };
        let Some(expected) = T::canonical(text) else {
            // Not a value of the enumeration at all: the field is unknown, and says why.
            return;
        };
        let spelling = Spelling {
            written: text.to_string(),
            expected,
            yaml_boolean: plain && YAML_11_BOOLEANS.contains(&text),
        };
        // Where the text is written: a parameter's value, not the `Ref` that uses it.
        let at = match &alt.provenance {
            Provenance::Parameter {
                value_at: Some(value_at),
                ..
            } => *value_at,
            other => other.primary(),
        };
        let provenance = Provenance::Literal { at };
        self.note(
            path,
            Value::Known(spelling),
            alt.scenario.clone(),
            provenance,
        );
    }

    fn note(
        &self,
        path: &[&str],
        value: Value<Spelling>,
        scenario: Scenario,
        provenance: Provenance,
    ) {
        let at = provenance.primary();
        let alternative = Alternative {
            value,
            scenario,
            provenance,
        };
        let noted = EnumValue {
            resource: String::new(),
            property: path.join("."),
            spelling: Field::from_alternatives(vec![alternative], at),
        };
        let mut all = self.enum_values.borrow_mut();
        if !all.contains(&noted) {
            all.push(noted);
        }
    }

    /// The enumeration values noted while reading resource `name`.
    pub(crate) fn take_enum_values(&self, name: &str) -> Vec<EnumValue> {
        self.enum_values
            .take()
            .into_iter()
            .map(|v| EnumValue {
                resource: name.to_string(),
                ..v
            })
            .collect()
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
                                value: self.collect_items(path, &items),
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
                    value: self.collect_items(path, &items),
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

    /// Whether a property or block is written at all (an SMS configuration, a Lambda trigger),
    /// whatever its content; `default` says what its absence means.
    fn present(&self, path: &[&str], default: AwsDefault<bool>) -> Field<bool> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| match alt.value {
                Resolved::Absent { .. } => self.defaulted(path, default, alt.scenario),
                Resolved::Unknown(reason) => Alternative {
                    value: Value::Unknown(Unknown::new(reason)),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                },
                ref value => Alternative {
                    // `[]` (a block list with no block, in .tf.json) writes nothing.
                    value: Value::Known(!matches!(value, Resolved::Items(i) if i.is_empty())),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                },
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// A list property, `None` when it is omitted (where omission means more than an empty list).
    fn optional_list<T: FromText + Clone + 'static>(
        &self,
        path: &[&str],
        default: AwsDefault<&'static [T]>,
    ) -> Field<Option<List<T>>> {
        let alternatives = self
            .list(path, default)
            .alternatives()
            .iter()
            .cloned()
            .map(|alt| Alternative {
                value: match alt.value {
                    Value::Known(_) if alt.provenance.is_default() => Value::Known(None),
                    Value::Known(items) => Value::Known(Some(items)),
                    Value::Unknown(u) => Value::Unknown(u),
                },
                scenario: alt.scenario,
                provenance: alt.provenance,
            })
            .collect();
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

impl Resource<'_, '_> {
    fn collect_items<T: FromText>(&self, path: &[&str], items: &[Alt<'_>]) -> Value<List<T>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            self.note_enum_value::<T>(path, item);
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
}

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
    type Partial = (Scenario, Result<List<RecoveryMechanism>, Unknown>);
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
        let mut partials: Vec<Partial> = vec![(alt.scenario.clone(), Ok(Vec::new()))];
        for item in items {
            let mut next: Vec<Partial> = Vec::new();
            for (scenario, done) in &partials {
                for a in item.value.alternatives() {
                    let Some(merged) = scenario.merge(&a.scenario) else {
                        continue;
                    };
                    let list = match (done, &a.value) {
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
            }
            if next.len() > crate::value::MAX_ALTERNATIVES {
                next = vec![(
                    alt.scenario.clone(),
                    Err(Unknown::new("too many scenarios to evaluate")),
                )];
            }
            partials = next;
        }
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

/// A secret's text is read only to tell how it is given; the text itself is dropped.
impl FromText for coglint_model::Secret {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        Ok(coglint_model::Secret::classify(text))
    }
}

pub(crate) fn identity_provider(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::IdentityProvider {
    let n = r.names;
    coglint_model::IdentityProvider {
        meta,
        user_pool: r.link(n(Prop::IdpUserPool)),
        client_secret: r.scalar(n(Prop::IdpClientSecret), |_| {
            defaults::IDENTITY_PROVIDER_SECRET
        }),
        private_key: r.scalar(n(Prop::IdpPrivateKey), |_| {
            defaults::IDENTITY_PROVIDER_SECRET
        }),
    }
}

/// An API Gateway REST API method (`route` false) or an HTTP/WebSocket API route (`route`
/// true, whose route key `GET /pets` gives the method).
pub(crate) fn api_method(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
    route: bool,
) -> coglint_model::ApiMethod {
    let n = r.names;
    let (authorization, method, default) = if route {
        (
            Prop::ApiRouteAuthorizationType,
            Prop::ApiRouteKey,
            defaults::API_ROUTE_AUTHORIZATION_TYPE,
        )
    } else {
        (
            Prop::ApiMethodAuthorizationType,
            Prop::ApiMethodHttpMethod,
            defaults::API_METHOD_AUTHORIZATION_TYPE,
        )
    };
    let http_method: Field<Option<String>> = r.scalar(n(method), |_| defaults::API_HTTP_METHOD);
    coglint_model::ApiMethod {
        meta,
        is_route: route,
        authorization_type: r.scalar(n(authorization), |_| AwsDefault {
            value: default.value.to_string(),
            doc: default.doc,
        }),
        http_method: http_method
            .map(|m| m.map(|m| m.split_whitespace().next().unwrap_or_default().to_string())),
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
        default_redirect_uri: r.scalar(n(Prop::DefaultRedirectUri), |_| {
            defaults::DEFAULT_REDIRECT_URI
        }),
        refresh_token_rotation: r.scalar(n(Prop::RefreshTokenRotation), |_| {
            defaults::REFRESH_TOKEN_ROTATION
        }),
        write_attributes: r.optional_list(n(Prop::WriteAttributes), defaults::WRITE_ATTRIBUTES),
    }
}

impl<'a> Resource<'_, 'a> {
    /// A list of objects, each item built by `build` from a resource-like view of the element
    /// (its omitted settings are reported at the element).
    fn elements<T>(
        &self,
        path: &[&str],
        doc: &'static str,
        build: impl Fn(&Resource<'_, 'a>) -> T,
    ) -> Field<List<T>> {
        let mut alternatives = Vec::new();
        for list in self.source.elements(path) {
            let list = match list {
                Ok(list) => list,
                Err(unknown) => {
                    alternatives.push(Alternative {
                        value: Value::Unknown(match convert::<String>(&unknown.value) {
                            Value::Unknown(u) => u,
                            Value::Known(_) => Unknown::new("a list item could not be read"),
                        }),
                        scenario: unknown.scenario,
                        provenance: unknown.provenance,
                    });
                    continue;
                }
            };
            let Some(elements) = list.elements else {
                let empty = AwsDefault {
                    value: Vec::new(),
                    doc,
                };
                alternatives.push(self.defaulted(path, empty, list.scenario));
                continue;
            };
            let items = elements
                .into_iter()
                .map(|element| {
                    let at = element.at;
                    let source = ElementSource {
                        parent: self.source,
                        element,
                    };
                    let inner = Resource {
                        source: &source,
                        header: at,
                        names: self.names,
                        class_flag_in_policy: self.class_flag_in_policy,
                        enum_values: RefCell::default(),
                    };
                    let value = build(&inner);
                    // An element's enumeration values are its resource's.
                    let list = path.join(".");
                    self.enum_values
                        .borrow_mut()
                        .extend(inner.enum_values.take().into_iter().map(|v| EnumValue {
                            property: format!("{list}.{}", v.property),
                            ..v
                        }));
                    Item {
                        value,
                        at: Some(at),
                    }
                })
                .collect();
            alternatives.push(Alternative {
                value: Value::Known(items),
                scenario: list.scenario,
                provenance: list.provenance,
            });
        }
        Field::from_alternatives(alternatives, self.header)
    }
}

enum_from_text!(
    CompromisedCredentialsAction,
    AccountTakeoverAction,
    RiskEvent
);

pub(crate) fn identity_pool(r: &Resource<'_, '_>, meta: ResourceMeta) -> IdentityPool {
    let n = r.names;
    IdentityPool {
        meta,
        allow_unauthenticated_identities: r.scalar(n(Prop::AllowUnauthenticatedIdentities), |_| {
            defaults::ALLOW_UNAUTHENTICATED_IDENTITIES
        }),
        allow_classic_flow: r.scalar(n(Prop::AllowClassicFlow), |_| defaults::ALLOW_CLASSIC_FLOW),
        cognito_identity_providers: r.elements(
            n(Prop::CognitoIdentityProviders),
            defaults::COGNITO_IDENTITY_PROVIDERS.doc,
            |p| CognitoIdentityProvider {
                user_pool: p.link(n(Prop::IdentityProviderName)),
                provider_name: p.scalar(n(Prop::IdentityProviderName), |_| AwsDefault {
                    value: None,
                    doc: defaults::COGNITO_IDENTITY_PROVIDERS.doc,
                }),
                client: p.link(n(Prop::IdentityProviderClient)),
                server_side_token_check: p.scalar(n(Prop::ServerSideTokenCheck), |_| {
                    defaults::SERVER_SIDE_TOKEN_CHECK
                }),
            },
        ),
    }
}

pub(crate) fn risk_configuration(r: &Resource<'_, '_>, meta: ResourceMeta) -> RiskConfiguration {
    let n = r.names;
    let takeover = |p| r.scalar(n(p), |_| defaults::ACCOUNT_TAKEOVER_ACTION);
    RiskConfiguration {
        meta,
        user_pool: r.link(n(Prop::RiskUserPool)),
        compromised_credentials_action: r.scalar(n(Prop::CompromisedCredentialsAction), |_| {
            defaults::COMPROMISED_CREDENTIALS_ACTION
        }),
        compromised_credentials_events: r.list(
            n(Prop::CompromisedCredentialsEvents),
            defaults::COMPROMISED_CREDENTIALS_EVENT_FILTER,
        ),
        high_risk_action: takeover(Prop::HighRiskAction),
        medium_risk_action: takeover(Prop::MediumRiskAction),
        low_risk_action: takeover(Prop::LowRiskAction),
        skipped_ip_ranges: r.list(n(Prop::SkippedIpRanges), defaults::SKIPPED_IP_RANGES),
    }
}

enum_from_text!(coglint_model::LogEventSource);

impl Resource<'_, '_> {
    /// A link that may also name a resource outside the scan by its ID or ARN written as text
    /// (`None`): what an attachment's target is when it may be another stack's resource.
    fn link_or_outside(&self, path: &[&str]) -> Field<Option<ResourceRef>> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| Alternative {
                value: match &alt.value {
                    Resolved::Link(target) => Value::Known(Some(ResourceRef {
                        target: target.clone(),
                    })),
                    Resolved::Text(_) => Value::Known(None),
                    Resolved::Node(n) if matches!(n.kind, NodeKind::Scalar(_)) => {
                        Value::Known(None)
                    }
                    Resolved::Unknown(reason) => Value::Unknown(Unknown::new(reason.clone())),
                    Resolved::Absent { .. } => {
                        Value::Unknown(Unknown::new(format!("`{}` is missing", path.join("."))))
                    }
                    _ => Value::Unknown(Unknown::new("a value where an ID or ARN is expected")),
                },
                scenario: alt.scenario,
                provenance: alt.provenance,
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }
}

pub(crate) fn web_acl_association(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::WebAclAssociation {
    coglint_model::WebAclAssociation {
        meta,
        resource: r.link_or_outside((r.names)(Prop::WebAclResource)),
    }
}

pub(crate) fn log_delivery_configuration(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::LogDeliveryConfiguration {
    let n = r.names;
    coglint_model::LogDeliveryConfiguration {
        meta,
        user_pool: r.link_or_outside(n(Prop::LogDeliveryUserPool)),
        log_configurations: r.elements(
            n(Prop::LogConfigurations),
            defaults::LOG_CONFIGURATIONS.doc,
            |c| coglint_model::LogConfiguration {
                event_source: c.scalar(n(Prop::LogEventSource), |_| defaults::LOG_EVENT_SOURCE),
            },
        ),
    }
}

pub(crate) fn lambda_permission(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::LambdaPermission {
    let n = r.names;
    coglint_model::LambdaPermission {
        meta,
        principal: r.scalar(n(Prop::LambdaPrincipal), |_| {
            defaults::LAMBDA_PERMISSION_PRINCIPAL
        }),
        has_source_arn: r.present(
            n(Prop::LambdaSourceArn),
            defaults::LAMBDA_PERMISSION_SOURCE_ARN,
        ),
    }
}

//! The Cognito resources of one unit of analysis (a CloudFormation template; later a Terraform
//! module), in the user's terms rather than any format's.

use std::collections::HashMap;

use coglint_source::{FileId, Span};

use crate::defaults::TokenValidity;
use crate::field::{Alternative, Field, List, Unknown, Value};
use crate::values::{AccountTakeoverAction, CompromisedCredentialsAction, RiskEvent};
use crate::values::{
    AdvancedSecurityMode, DeletionProtection, ExplicitAuthFlow, MfaConfiguration, OAuthFlow,
    PreventUserExistenceErrors, UserPoolTier,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceKind {
    UserPool,
    UserPoolClient,
    IdentityPool,
    RiskConfiguration,
    IdentityPoolRoleAttachment,
    IamRole,
    IamPolicy,
    RolePolicyAttachment,
    IdentityProvider,
    ApiMethod,
    WebAclAssociation,
    LogDeliveryConfiguration,
    LambdaPermission,
}

/// What every resource has: its name, its type as written, and where it is declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceMeta {
    pub kind: ResourceKind,
    /// The name the user gave it: a CloudFormation logical ID, a Terraform address.
    pub name: String,
    /// The resource type as the format spells it (`AWS::Cognito::UserPool`).
    pub type_name: String,
    /// The resource's header: the logical-ID key, the `resource "type" "name"` line.
    pub header: Span,
    /// A construct path or module path that locates the resource in the user's code, if any.
    pub logical_path: Option<String>,
    /// Where findings on the resource are reported when the user does not edit its source
    /// directly: the calling `module` block of a remote Terraform module, the CDK construct
    /// that synthesized it.
    pub reported_at: Option<ReportedAt>,
    /// The `module` blocks whose calls create this instance, outermost first (Terraform): what
    /// tells apart instances of one resource definition when their findings are merged.
    pub called_from: Vec<Span>,
    /// Suppressions written in the resource itself (CloudFormation `Metadata`).
    pub suppressions: Vec<Suppression>,
}

/// An enumeration value as written, wherever the model reads one: what the deployment sees,
/// while the resource's field holds what the author meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumValue {
    /// The name of the resource it is written in.
    pub resource: String,
    /// The property as the user writes it in this format (`MfaConfiguration`).
    pub property: String,
    /// Located at the written text (a parameter's value, not the `Ref` that uses it); unknown
    /// when the value cannot be read.
    pub spelling: Field<Spelling>,
}

/// How an enumeration value is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    /// The text as written.
    pub written: String,
    /// The value the author meant, as the API spells it.
    pub expected: &'static str,
    /// An unquoted YAML scalar that YAML 1.1 (which CloudFormation reads) takes for a boolean:
    /// `MfaConfiguration: ON` is the boolean `true`.
    pub yaml_boolean: bool,
}

impl Spelling {
    /// Whether AWS rejects it: a boolean where a string is expected, or the wrong case.
    pub fn is_invalid(&self) -> bool {
        self.yaml_boolean || self.written != self.expected
    }
}

/// A suppression a user wrote: which checks it silences (coglint codes or names, or another
/// tool's ids such as cdk-nag's `AwsSolutions-COG2`), why, until when, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The tool whose syntax it is: `coglint`, `cdk-nag`, `cfn_nag`, `checkov`.
    pub tool: &'static str,
    pub ids: Vec<String>,
    pub reason: Option<String>,
    /// An expiry date, `YYYY-MM-DD`, after which it no longer applies.
    pub until: Option<String>,
    pub at: Span,
}

/// A place in the user's own code that stands for a resource defined elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedAt {
    pub at: Span,
    /// How the label at `at` refers to the resource: "in this module", "for this construct".
    pub here: &'static str,
    /// What the resource's own place is: "the module's source", "the synthesized template".
    pub source: &'static str,
}

impl ResourceMeta {
    pub fn file(&self) -> FileId {
        self.header.file
    }

    /// The name to show the user: the construct path for a CDK resource (without the
    /// `/Resource` of L2 constructs: `AuthStack/UserPool/WebClient`), else the name.
    pub fn display_name(&self) -> &str {
        match &self.logical_path {
            Some(path) => path.strip_suffix("/Resource").unwrap_or(path),
            None => &self.name,
        }
    }
}

/// A typed link to another resource: `!Ref Pool`, `!GetAtt Pool.Arn` and (later)
/// `aws_cognito_user_pool.main.id` all become the target's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceRef {
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordPolicy {
    pub minimum_length: Field<u32>,
    pub require_uppercase: Field<bool>,
    pub require_lowercase: Field<bool>,
    pub require_numbers: Field<bool>,
    pub require_symbols: Field<bool>,
    pub temporary_password_validity_days: Field<u32>,
    pub password_history_size: Field<u32>,
}

/// Which second factors a user pool offers, one field each, so that a finding points at the
/// setting that enables (or leaves out) that factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MfaFactors {
    /// SMS text messages.
    pub sms: Field<bool>,
    /// Authenticator apps (TOTP, software tokens).
    pub totp: Field<bool>,
    /// One-time codes by email.
    pub email: Field<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserPool {
    pub meta: ResourceMeta,
    pub tier: Field<UserPoolTier>,
    pub mfa_configuration: Field<MfaConfiguration>,
    pub password_policy: PasswordPolicy,
    pub advanced_security_mode: Field<AdvancedSecurityMode>,
    pub custom_auth_mode: Field<AdvancedSecurityMode>,
    pub deletion_protection: Field<DeletionProtection>,
    pub allow_admin_create_user_only: Field<bool>,
    pub username_case_sensitive: Field<bool>,
    /// The second factors offered when MFA is on or optional.
    pub mfa_factors: MfaFactors,
    /// Whether any custom authentication challenge Lambda trigger (define, create or verify
    /// auth challenge) is set.
    pub custom_auth_triggers: Field<bool>,
    /// What users may start signing in with (the sign-in policy of choice-based sign-in).
    pub allowed_first_auth_factors: Field<List<crate::AuthFactor>>,
    /// Device remembering: `None` when it is off (no device configuration), else whether a
    /// device not yet remembered must pass an MFA challenge.
    pub challenge_required_on_new_device: Field<Option<bool>>,
    /// Attributes users sign in with instead of a username.
    pub username_attributes: Field<List<crate::UserAttribute>>,
    /// Attributes users may sign in with besides their username.
    pub alias_attributes: Field<List<crate::UserAttribute>>,
    /// Attributes Cognito verifies by sending a code (at sign-up and on change).
    pub auto_verified_attributes: Field<List<crate::UserAttribute>>,
    /// Attributes whose new value only applies once the user has verified it.
    pub attributes_require_verification_before_update: Field<List<crate::UserAttribute>>,
    /// How users recover a forgotten password, each mechanism located at its entry; `None`
    /// when `AccountRecoverySetting` is omitted (AWS's legacy order: SMS before email).
    pub recovery_mechanisms: Field<Option<List<RecoveryMechanism>>>,
    /// The attributes the schema declares (custom ones, and standard ones it makes required),
    /// each located at its entry.
    pub schema: Field<List<SchemaAttribute>>,
    /// Whether an SMS configuration (the IAM role Cognito sends text messages with) is written.
    pub sms_configured: Field<bool>,
    /// The external ID Cognito passes when it assumes the SMS role; `None` when omitted or
    /// empty.
    pub sms_external_id: Field<Option<String>>,
    /// The IAM role Cognito sends text messages with (`SnsCallerArn`), when it is declared in
    /// the same template or module.
    pub sms_role: Field<ResourceRef>,
}

impl UserPool {
    /// Whether users can change `attribute` (`email`, `custom:role` as the schema names it)
    /// after their account is created, as the schema says: an attribute the schema leaves out is
    /// mutable (every standard attribute is, by default); one it writes is what its `Mutable`
    /// says (omitted: immutable). Unknown when the schema, or the name of one of its entries,
    /// cannot be read. An entry's name is matched in any scenario of the schema it is part of.
    pub fn attribute_mutable(&self, attribute: &str) -> Field<bool> {
        let mut alternatives = Vec::new();
        for schema in self.schema.alternatives() {
            let entries = match &schema.value {
                Value::Known(entries) => entries,
                Value::Unknown(u) => {
                    alternatives.push(Alternative {
                        value: Value::Unknown(u.clone()),
                        scenario: schema.scenario.clone(),
                        provenance: schema.provenance.clone(),
                    });
                    continue;
                }
            };
            let names = |entry: &crate::Item<SchemaAttribute>| {
                entry.value.name.alternatives().iter().any(
                    |n| matches!(&n.value, Value::Known(Some(name)) if name.trim() == attribute),
                )
            };
            let unreadable = entries.iter().find_map(|entry| {
                entry
                    .value
                    .name
                    .alternatives()
                    .iter()
                    .find_map(|n| match &n.value {
                        Value::Unknown(u) => Some((u.clone(), n.provenance.clone())),
                        Value::Known(_) => None,
                    })
            });
            match (entries.iter().find(|e| names(e)), unreadable) {
                (Some(entry), _) => {
                    for m in entry.value.mutable.alternatives() {
                        let Some(scenario) = schema.scenario.merge(&m.scenario) else {
                            continue;
                        };
                        alternatives.push(Alternative {
                            value: m.value.clone(),
                            scenario,
                            provenance: m.provenance.clone(),
                        });
                    }
                }
                // An entry whose name cannot be read may be this attribute.
                (None, Some((unknown, provenance))) => alternatives.push(Alternative {
                    value: Value::Unknown(unknown),
                    scenario: schema.scenario.clone(),
                    provenance,
                }),
                (None, None) => alternatives.push(Alternative {
                    value: Value::Known(true),
                    scenario: schema.scenario.clone(),
                    provenance: crate::Provenance::Default {
                        resource: self.meta.header,
                        property: format!("the schema entry for `{attribute}`"),
                        doc: crate::defaults::SCHEMA.doc,
                    },
                }),
            }
        }
        Field::from_alternatives(alternatives, self.meta.header)
    }
}

/// One attribute of a user pool's schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaAttribute {
    /// The name as the schema writes it: without the `custom:` prefix that custom attributes
    /// take in tokens and in an app client's read and write attributes. `None` when omitted.
    pub name: Field<Option<String>>,
    /// Whether the value may change after the user is created.
    pub mutable: Field<bool>,
}

/// One way to recover a forgotten password, and its rank (1 is tried first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecoveryMechanism {
    pub option: crate::RecoveryOption,
    pub priority: u32,
}

/// The mechanism tried first: the one with the lowest priority (the first written, on a tie).
pub fn first_recovery_mechanism(
    mechanisms: &[crate::Item<RecoveryMechanism>],
) -> Option<&crate::Item<RecoveryMechanism>> {
    mechanisms.iter().min_by_key(|m| m.value.priority)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserPoolClient {
    pub meta: ResourceMeta,
    pub user_pool: Field<ResourceRef>,
    pub generate_secret: Field<bool>,
    pub explicit_auth_flows: Field<List<ExplicitAuthFlow>>,
    pub allowed_oauth_flows: Field<List<OAuthFlow>>,
    pub allowed_oauth_flows_user_pool_client: Field<bool>,
    pub allowed_oauth_scopes: Field<List<String>>,
    pub callback_urls: Field<List<String>>,
    pub logout_urls: Field<List<String>>,
    pub prevent_user_existence_errors: Field<PreventUserExistenceErrors>,
    pub access_token_validity: Field<TokenValidity>,
    pub id_token_validity: Field<TokenValidity>,
    pub refresh_token_validity: Field<TokenValidity>,
    pub enable_token_revocation: Field<bool>,
    /// The redirect URI used when a request names none; `None` when there is no default.
    pub default_redirect_uri: Field<Option<String>>,
    pub refresh_token_rotation: Field<crate::RefreshTokenRotation>,
    /// The attributes users may change through this client (`custom:` prefix included);
    /// `None` when omitted: every writable attribute.
    pub write_attributes: Field<Option<List<String>>>,
}

/// A user pool an identity pool accepts tokens from (one entry of `CognitoIdentityProviders`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CognitoIdentityProvider {
    /// The user pool, when `ProviderName` refers to one declared in the same unit
    /// (`!GetAtt UserPool.ProviderName`, `aws_cognito_user_pool.main.endpoint`).
    pub user_pool: Field<ResourceRef>,
    /// `cognito-idp.<region>.amazonaws.com/<user pool ID>` as written; `None` when omitted
    /// (the deployment rejects that).
    pub provider_name: Field<Option<String>>,
    /// The app client whose tokens are accepted, when it is declared in the same unit.
    pub client: Field<ResourceRef>,
    /// Whether the identity pool asks the user pool, at each credentials request, whether the
    /// user was signed out globally or deleted.
    pub server_side_token_check: Field<bool>,
}

/// An identity pool: it exchanges tokens (or nothing, for guests) for AWS credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityPool {
    pub meta: ResourceMeta,
    pub allow_unauthenticated_identities: Field<bool>,
    pub allow_classic_flow: Field<bool>,
    /// The user pools it accepts tokens from; each item is located at its entry.
    pub cognito_identity_providers: Field<List<CognitoIdentityProvider>>,
}

/// A user pool's risk configuration (threat protection's responses), for all its app clients
/// or for one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskConfiguration {
    pub meta: ResourceMeta,
    pub user_pool: Field<ResourceRef>,
    /// What happens to a sign-in with breached credentials; `None` when not configured.
    pub compromised_credentials_action: Field<Option<CompromisedCredentialsAction>>,
    /// The activities the compromised-credentials action applies to.
    pub compromised_credentials_events: Field<List<RiskEvent>>,
    /// What happens at each account-takeover risk level; `None` when not configured.
    pub high_risk_action: Field<Option<AccountTakeoverAction>>,
    pub medium_risk_action: Field<Option<AccountTakeoverAction>>,
    pub low_risk_action: Field<Option<AccountTakeoverAction>>,
    /// IP ranges (CIDR) that risk detection skips.
    pub skipped_ip_ranges: Field<List<String>>,
}

/// Every Cognito resource of one unit of analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    pub user_pools: Vec<UserPool>,
    pub clients: Vec<UserPoolClient>,
    pub identity_pools: Vec<IdentityPool>,
    pub risk_configurations: Vec<RiskConfiguration>,
    /// The roles of identity pools.
    pub identity_pool_role_attachments: Vec<crate::iam::IdentityPoolRoleAttachment>,
    /// IAM roles, policies and attachments of policies to roles.
    pub iam_roles: Vec<crate::iam::IamRole>,
    pub iam_policies: Vec<crate::iam::IamPolicy>,
    pub role_policy_attachments: Vec<crate::iam::RolePolicyAttachment>,
    /// Federated identity providers of user pools.
    pub identity_providers: Vec<crate::IdentityProvider>,
    /// API Gateway methods and routes.
    pub api_methods: Vec<crate::ApiMethod>,
    /// WAF web ACL associations (of user pools and of anything else).
    pub web_acl_associations: Vec<crate::WebAclAssociation>,
    /// Exports of user pool logs.
    pub log_delivery_configurations: Vec<crate::LogDeliveryConfiguration>,
    /// Lambda permissions (of triggers and of anything else).
    pub lambda_permissions: Vec<crate::LambdaPermission>,
    /// Every enumeration value written in the resources above, as written.
    pub enum_values: Vec<EnumValue>,
    /// Resources of this unit handed to another stack, where what is done with them is not seen.
    pub hand_offs: Vec<HandOff>,
    /// Positions by name, built at the first lookup, once the model is complete.
    pub index: NameIndex,
    /// Parts of the unit that are not read: what they declare or attach is not seen.
    pub unread: Vec<Unread>,
}

/// A part of a unit that is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// A file of the unit that could not be read or parsed (a problem of its own): it may
    /// declare anything, attach anything to any resource.
    File {
        /// Its name, as the user knows it (`variables.tf`).
        name: String,
    },
    /// A module call that is not followed: a registry or git module that `terraform init` has
    /// not installed, or a local source with no module in it.
    ModuleCall {
        /// The call, by its path from the root (`module.auth`, `module.app.module.waf`).
        name: String,
        /// Its `source`, as written.
        source: String,
        /// Why it is not followed.
        reason: String,
        /// The `module "name"` header.
        at: Span,
        /// The resources of this unit its arguments link to (a pool's `arn` given to a WAF
        /// module): what it attaches to them is not seen.
        links: Vec<String>,
    },
}

/// Where each user pool, IAM role and IAM policy of a model is, by name: lookups by name are
/// constant time, so that rules stay linear in the number of resources. Built at the first
/// lookup; a list that has grown since is searched instead, so it is never stale. Two models
/// are equal whatever their indexes.
#[derive(Clone, Debug, Default)]
pub struct NameIndex(std::sync::OnceLock<Names>);

#[derive(Clone, Debug, Default)]
struct Names {
    user_pools: (usize, HashMap<String, usize>),
    iam_roles: (usize, HashMap<String, usize>),
    iam_policies: (usize, HashMap<String, usize>),
}

impl PartialEq for NameIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for NameIndex {}

/// The first of `items` named `name`, through `index` when it covers all of them.
fn by_name<'m, T>(
    items: &'m [T],
    index: &(usize, HashMap<String, usize>),
    name: &str,
    name_of: impl Fn(&T) -> &str,
) -> Option<&'m T> {
    if index.0 == items.len() {
        index.1.get(name).and_then(|&i| items.get(i))
    } else {
        items.iter().find(|item| name_of(item) == name)
    }
}

fn positions<T>(items: &[T], name_of: impl Fn(&T) -> &str) -> (usize, HashMap<String, usize>) {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // The first of two with one name, as a search would find.
        map.entry(name_of(item).to_string()).or_insert(i);
    }
    (items.len(), map)
}

/// A link that leaves the unit: a resource handed to a CloudFormation nested stack through its
/// `Parameters` (as the CDK does when a construct of a nested stack uses a user pool of its
/// parent). A WAF association or a log export of the resource may be made there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandOff {
    /// The resource handed on, by its name in this unit.
    pub target: String,
    /// The stack it is handed to.
    pub to: String,
    /// The reference in the handing-on resource.
    pub at: Span,
}

impl Model {
    pub fn user_pool(&self, name: &str) -> Option<&UserPool> {
        let names = self.names();
        by_name(&self.user_pools, &names.user_pools, name, |p| &p.meta.name)
    }

    fn names(&self) -> &Names {
        self.index.0.get_or_init(|| Names {
            user_pools: positions(&self.user_pools, |p| &p.meta.name),
            iam_roles: positions(&self.iam_roles, |r| &r.meta.name),
            iam_policies: positions(&self.iam_policies, |p| &p.meta.name),
        })
    }

    /// The IAM role of the scan named `name`.
    pub fn iam_role(&self, name: &str) -> Option<&crate::iam::IamRole> {
        let names = self.names();
        by_name(&self.iam_roles, &names.iam_roles, name, |r| &r.meta.name)
    }

    /// The IAM policy resource of the scan named `name`.
    pub fn iam_policy(&self, name: &str) -> Option<&crate::iam::IamPolicy> {
        let names = self.names();
        by_name(&self.iam_policies, &names.iam_policies, name, |p| {
            &p.meta.name
        })
    }

    /// The user pool a client belongs to, when the link is known and leads into this model.
    pub fn pool_of(&self, client: &UserPoolClient) -> Option<&UserPool> {
        self.user_pool(&client.user_pool.known()?.target)
    }

    /// Every resource's metadata, pools first.
    pub fn resources(&self) -> impl Iterator<Item = &ResourceMeta> {
        let pools = self.user_pools.iter().map(|p| &p.meta);
        let clients = self.clients.iter().map(|c| &c.meta);
        let identity_pools = self.identity_pools.iter().map(|p| &p.meta);
        let risk = self.risk_configurations.iter().map(|r| &r.meta);
        let role_attachments = self.identity_pool_role_attachments.iter().map(|a| &a.meta);
        let roles = self.iam_roles.iter().map(|r| &r.meta);
        let policies = self.iam_policies.iter().map(|p| &p.meta);
        let policy_attachments = self.role_policy_attachments.iter().map(|a| &a.meta);
        let identity_providers = self.identity_providers.iter().map(|p| &p.meta);
        let api_methods = self.api_methods.iter().map(|m| &m.meta);
        let web_acl_associations = self.web_acl_associations.iter().map(|a| &a.meta);
        let log_deliveries = self.log_delivery_configurations.iter().map(|l| &l.meta);
        let lambda_permissions = self.lambda_permissions.iter().map(|p| &p.meta);
        pools
            .chain(clients)
            .chain(identity_pools)
            .chain(risk)
            .chain(role_attachments)
            .chain(roles)
            .chain(policies)
            .chain(policy_attachments)
            .chain(identity_providers)
            .chain(api_methods)
            .chain(web_acl_associations)
            .chain(log_deliveries)
            .chain(lambda_permissions)
    }

    /// A setting of the user pool that `link` names, in every scenario, located where the link
    /// is written: what a resource attached to a pool (a risk configuration) sees of the pool.
    /// A pool outside this model (another stack, an ID written as text) is unknown.
    pub fn linked_pool_setting<T: Clone>(
        &self,
        link: &Field<ResourceRef>,
        setting: impl Fn(&UserPool) -> &Field<T>,
    ) -> Field<T> {
        let mut alternatives = Vec::new();
        for a in link.alternatives() {
            let unknown = |reason: String| Alternative {
                value: Value::Unknown(Unknown::new(reason)),
                scenario: a.scenario.clone(),
                provenance: a.provenance.clone(),
            };
            match &a.value {
                Value::Unknown(u) => alternatives.push(unknown(u.reason.clone())),
                Value::Known(target) => match self.user_pool(&target.target) {
                    None => alternatives.push(unknown(format!(
                        "user pool `{}` is not in the scanned files",
                        target.target
                    ))),
                    Some(pool) => {
                        for b in setting(pool).alternatives() {
                            let Some(scenario) = a.scenario.merge(&b.scenario) else {
                                continue;
                            };
                            alternatives.push(Alternative {
                                value: b.value.clone(),
                                scenario,
                                provenance: a.provenance.clone(),
                            });
                        }
                    }
                },
            }
        }
        Field::from_alternatives(alternatives, link.at())
    }
}

//! IAM in the user's terms: roles, the policies that grant them permissions, policy documents
//! (statements, principals, conditions), and the questions rules ask of them. Every part of a
//! document keeps its place in the source; a part that cannot be read is a [`Term::Unknown`].

use coglint_source::Span;

use crate::field::{Alternative, Field, List, Unknown, Value};
use crate::resources::{Model, ResourceMeta, ResourceRef};

/// One string of a policy document, as far as it can be known statically.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Text(String),
    /// A reference to a resource of the same template or module (`!GetAtt Role.Arn`,
    /// `aws_iam_role.app.arn`), by the name the model gives the resource.
    Resource(String),
    /// Known only at deployment (a pseudo parameter, a data source) or not readable.
    Unknown(String),
}

impl Term {
    pub fn text(&self) -> Option<&str> {
        match self {
            Term::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A value and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub at: Span,
}

/// A list of strings of a policy (`Action`, `Resource`, a condition's values). A single string
/// is a list of one.
pub type Terms = Vec<Located<Term>>;

/// Who a statement of a trust policy lets assume the role: one kind (`Service`, `AWS`,
/// `Federated`, `CanonicalUser`) and its identifiers; `"Principal": "*"` is kind `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub kind: String,
    pub ids: Terms,
}

/// One condition: `{ operator: { key: values } }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// `StringEquals`, `ForAnyValue:StringLike`, ...
    pub operator: String,
    /// `cognito-identity.amazonaws.com:aud`
    pub key: String,
    pub values: Terms,
    /// Where the key is written.
    pub at: Span,
}

impl Condition {
    /// The operator without its set qualifier (`ForAnyValue:`, `ForAllValues:`) and without
    /// `IfExists`.
    pub fn base_operator(&self) -> &str {
        let op = self.operator.as_str();
        let op = op
            .split_once(':')
            .map_or(op, |(qualifier, rest)| match qualifier {
                q if q.eq_ignore_ascii_case("ForAnyValue")
                    || q.eq_ignore_ascii_case("ForAllValues") =>
                {
                    rest
                }
                _ => op,
            });
        op.strip_suffix("IfExists").unwrap_or(op)
    }

    /// Whether the condition is on `key` (condition keys are case-insensitive).
    pub fn is_on(&self, key: &str) -> bool {
        self.key.eq_ignore_ascii_case(key)
    }
}

/// One statement of a policy document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The statement as a whole (the list item).
    pub at: Span,
    /// `Allow` or `Deny`; `None` when omitted.
    pub effect: Option<Located<Term>>,
    /// `None` when not written.
    pub actions: Option<Terms>,
    pub not_actions: Option<Terms>,
    pub resources: Option<Terms>,
    pub not_resources: Option<Terms>,
    /// `None` when not written (an identity policy); unknown when it cannot be read.
    pub principals: Option<Value<Vec<Principal>>>,
    /// Where `Principal` is written.
    pub principal_at: Option<Span>,
    /// Empty when not written; unknown when the block cannot be read.
    pub conditions: Value<Vec<Condition>>,
}

impl Statement {
    /// Whether it allows (a `Deny` or an unknown effect does not).
    pub fn allows(&self) -> bool {
        matches!(&self.effect, Some(Located { value: Term::Text(t), .. }) if t.eq_ignore_ascii_case("Allow"))
    }

    /// Whether a principal of kind `kind` (`Service`, `Federated`) named `id` is among the
    /// principals, or any principal is (`*`).
    pub fn names_principal(&self, kind: &str, id: &str) -> bool {
        let Some(Value::Known(principals)) = &self.principals else {
            return false;
        };
        principals.iter().any(|p| {
            p.kind == "*"
                || (p.kind.eq_ignore_ascii_case(kind)
                    && p.ids.iter().any(|i| {
                        i.value
                            .text()
                            .is_some_and(|t| t == "*" || t.eq_ignore_ascii_case(id))
                    }))
        })
    }

    /// Where the statement names identity pools as its principal (the
    /// `cognito-identity.amazonaws.com` entry), else the statement: where a finding on the trust
    /// it grants points.
    pub fn identity_pool_principal_at(&self) -> Span {
        let Some(Value::Known(principals)) = &self.principals else {
            return self.at;
        };
        principals
            .iter()
            .filter(|p| p.kind.eq_ignore_ascii_case("Federated") || p.kind == "*")
            .flat_map(|p| p.ids.iter())
            .find(|i| {
                i.value.text().is_some_and(|t| {
                    t == "*"
                        || t.eq_ignore_ascii_case(COGNITO_IDENTITY)
                        || t.eq_ignore_ascii_case(COGNITO_IDENTITY_CN)
                })
            })
            .map_or(self.at, |i| i.at)
    }

    /// The conditions on `key`, if the conditions can be read.
    pub fn conditions_on<'s>(
        &'s self,
        key: &'s str,
    ) -> Option<impl Iterator<Item = &'s Condition>> {
        match &self.conditions {
            Value::Known(c) => Some(c.iter().filter(move |c| c.is_on(key))),
            Value::Unknown(_) => None,
        }
    }

    /// The conditions on the identity pool token's claim `claim` (`aud`, `amr`), if the
    /// conditions can be read.
    pub fn conditions_on_claim<'s>(
        &'s self,
        claim: &'s str,
    ) -> Option<impl Iterator<Item = &'s Condition>> {
        match &self.conditions {
            Value::Known(c) => Some(
                c.iter()
                    .filter(move |c| is_identity_pool_claim(&c.key, claim)),
            ),
            Value::Unknown(_) => None,
        }
    }

    /// Whether the statement's actions may include `action` (`iam:PassRole`): an action pattern
    /// matches it, or a `NotAction` list leaves it out. Unknown actions count as not matching.
    pub fn grants_action(&self, action: &str) -> bool {
        if let Some(actions) = &self.actions {
            return actions
                .iter()
                .any(|a| a.value.text().is_some_and(|p| wildcard_match(p, action)));
        }
        if let Some(not_actions) = &self.not_actions {
            // Every action but the listed ones: it is granted unless a pattern excludes it
            // (an unknown entry might exclude it).
            return not_actions.iter().all(|a| match &a.value {
                Term::Text(p) => !wildcard_match(p, action),
                _ => false,
            });
        }
        false
    }

    /// Where the statement grants `action`: the matching action pattern, or the statement for
    /// a `NotAction` that leaves it in. `None` if it does not grant it (or does not allow).
    pub fn granting(&self, action: &str) -> Option<Span> {
        if !self.allows() || !self.grants_action(action) {
            return None;
        }
        let pattern = self
            .actions
            .iter()
            .flatten()
            .find(|a| a.value.text().is_some_and(|p| wildcard_match(p, action)));
        Some(pattern.map_or(self.at, |p| p.at))
    }

    /// The action patterns (and `NotAction`, which grants all but a few) that grant every action of
    /// AWS or of a whole service (`*`, `s3:*`), with where each is written.
    pub fn service_wide_actions(&self) -> Vec<&Located<Term>> {
        let mut out = Vec::new();
        if let Some(actions) = &self.actions {
            out.extend(actions.iter().filter(|a| {
                a.value.text().is_some_and(|p| {
                    p == "*" || p.split_once(':').is_some_and(|(_, verb)| verb == "*")
                })
            }));
        }
        out
    }

    /// The actions that write (anything but reading) and are granted on every resource
    /// (`Resource: "*"`), with where each is written.
    pub fn write_actions_on_any_resource(&self) -> Vec<&Located<Term>> {
        let on_any = self
            .resources
            .as_ref()
            .is_some_and(|r| r.iter().any(|r| r.value.text() == Some("*")));
        if !on_any {
            return Vec::new();
        }
        self.actions
            .iter()
            .flatten()
            .filter(|a| a.value.text().is_some_and(is_write_action))
            .collect()
    }
}

impl Statement {
    /// What makes an allowing statement too broad for credentials handed to app users, and
    /// where it is written: an action pattern covering all of AWS or a whole service (`*`,
    /// `s3:*`), a `NotAction` (everything but a few actions), or a write action on every
    /// resource (`s3:PutObject` on `*`). Of several, the most dangerous (see
    /// [`Statement::broad_grants`]).
    pub fn broad_grant(&self) -> Option<(Span, String)> {
        most_dangerous(self.broad_grants())
    }

    /// Whether it allows every action of AWS, or every action but a few (`NotAction`).
    pub fn allows_every_action(&self) -> bool {
        self.allows()
            && (self.not_actions.is_some()
                || self
                    .service_wide_actions()
                    .iter()
                    .any(|a| a.value.text() == Some("*")))
    }

    /// Every broad grant of an allowing statement, in the order written, each with its rank
    /// (higher is more dangerous):
    /// every action of AWS first, then everything but a few (`NotAction`), then whole services
    /// that hand out identities, credentials or permissions (`iam:*`, `cognito-identity:*`),
    /// then other whole services (`cognito-sync:*`), then write actions on every resource, in
    /// the same order of services. The first written wins a tie.
    pub fn broad_grants(&self) -> Vec<(u8, Span, String)> {
        let mut out = Vec::new();
        if !self.allows() {
            return out;
        }
        for a in self.service_wide_actions() {
            let pattern = a.value.text().unwrap_or("*");
            let rank = if pattern == "*" {
                6
            } else if grants_privileges(pattern) {
                4
            } else {
                3
            };
            out.push((rank, a.at, format!("`{pattern}`")));
        }
        if let Some(not_actions) = &self.not_actions {
            let at = not_actions.first().map_or(self.at, |a| a.at);
            out.push((5, at, "every action but those in `NotAction`".into()));
        }
        for a in self.write_actions_on_any_resource() {
            let action = a.value.text().unwrap_or("*");
            let rank = if grants_privileges(action) { 1 } else { 0 };
            out.push((rank, a.at, format!("`{action}` on every resource")));
        }
        out
    }
}

/// The grant of highest rank; the first written of equals.
fn most_dangerous(grants: impl IntoIterator<Item = (u8, Span, String)>) -> Option<(Span, String)> {
    grants
        .into_iter()
        .min_by_key(|(rank, _, _)| std::cmp::Reverse(*rank))
        .map(|(_, at, what)| (at, what))
}

/// Services whose actions hand out identities, credentials or permissions: a grant on them is
/// a way to more than the grant itself.
const PRIVILEGE_SERVICES: &[&str] = &[
    "iam",
    "sts",
    "organizations",
    "cognito-identity",
    "cognito-idp",
    "sso",
    "kms",
    "secretsmanager",
    "lambda",
];

/// Whether an action pattern (`iam:*`, `cognito-identity:SetIdentityPoolRoles`) belongs to a
/// service of [`PRIVILEGE_SERVICES`].
fn grants_privileges(pattern: &str) -> bool {
    pattern.split_once(':').is_some_and(|(service, _)| {
        PRIVILEGE_SERVICES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(service.trim()))
    })
}

/// The verbs of IAM actions that only read.
const READ_VERBS: &[&str] = &[
    "Get",
    "List",
    "Describe",
    "BatchGet",
    "Query",
    "Scan",
    "Select",
    "Head",
    "Lookup",
    "Search",
    "Check",
    "View",
    "Read",
    "Filter",
    "Validate",
    "Estimate",
    "Preview",
    // Actions that compute on their input and change nothing (Rekognition, Comprehend,
    // Translate, Polly, Textract): what identity pools commonly grant apps.
    "Detect",
    "Compare",
    "Recognize",
    "Translate",
    "Synthesize",
    "Analyze",
];

/// Whether an action (or a pattern of actions) may write: its verb does not start with a read
/// verb. A pattern with a wildcard in the verb counts when it may match a write: `s3:Get*` is
/// read-only, `ec2:De*` (`DeleteVpc`) and `dynamodb:*` are not.
pub fn is_write_action(action: &str) -> bool {
    let Some((_, verb)) = action.split_once(':') else {
        return action == "*";
    };
    let head = verb.split(['*', '?']).next().unwrap_or("");
    !READ_VERBS.iter().any(|r| {
        // `get` rather than indexing: an action as written may hold any character.
        head.get(..r.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(r))
    })
}

/// IAM's matching of action names: `*` any run of characters, `?` one, case-insensitive.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    // Action names are ASCII: matched byte by byte, without copying. Anything else goes by
    // characters.
    if pattern.is_ascii() && text.is_ascii() {
        return glob(pattern.as_bytes(), text.as_bytes(), |p, t| {
            p.eq_ignore_ascii_case(t)
        });
    }
    let p: Vec<char> = pattern.to_ascii_lowercase().chars().collect();
    let t: Vec<char> = text.to_ascii_lowercase().chars().collect();
    glob(&p, &t, |p, t| p == t)
}

/// `*` and `?` matching of `t` by `p`, with `same` comparing two items that are not wildcards.
fn glob<T: Copy + PartialEq + From<u8>>(p: &[T], t: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
    let (star, question) = (T::from(b'*'), T::from(b'?'));
    let (mut pi, mut ti) = (0, 0);
    let (mut last_star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == question || (p[pi] != star && same(&p[pi], &t[ti]))) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == star {
            last_star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = last_star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == star)
}

/// A policy document: its statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyDocument {
    /// The document as a whole.
    pub at: Span,
    pub statements: Vec<Statement>,
}

/// The principal identity pools assume roles through.
pub const COGNITO_IDENTITY: &str = "cognito-identity.amazonaws.com";
const COGNITO_IDENTITY_CN: &str = "cognito-identity.amazonaws.com.cn";

/// Whether `key` is the identity pool token's claim `claim` (`aud`, `amr`):
/// `cognito-identity.amazonaws.com:aud` (or `.com.cn:aud` in China regions).
pub fn is_identity_pool_claim(key: &str, claim: &str) -> bool {
    key.rsplit_once(':').is_some_and(|(issuer, c)| {
        c.eq_ignore_ascii_case(claim)
            && (issuer.eq_ignore_ascii_case(COGNITO_IDENTITY)
                || issuer.eq_ignore_ascii_case(COGNITO_IDENTITY_CN))
    })
}

impl PolicyDocument {
    /// The allowing statements that grant `action`, with where each grants it.
    pub fn granting<'s>(&'s self, action: &'s str) -> impl Iterator<Item = (&'s Statement, Span)> {
        self.statements
            .iter()
            .filter_map(move |s| s.granting(action).map(|at| (s, at)))
    }

    /// The statements that allow `kind` principal `id` to assume the role (trust policies).
    pub fn statements_trusting<'s>(
        &'s self,
        kind: &'s str,
        id: &'s str,
    ) -> impl Iterator<Item = &'s Statement> {
        self.statements
            .iter()
            .filter(move |s| s.allows() && s.names_principal(kind, id))
    }

    /// The statements that let identity pools (`Federated: cognito-identity.amazonaws.com`,
    /// or its China-region name `cognito-identity.amazonaws.com.cn`) assume the role.
    /// Identity pools assume a role with `sts:AssumeRoleWithWebIdentity`: a statement that
    /// does not allow it (`sts:AssumeRole` for an organisation, SAML) does not concern them.
    pub fn identity_pool_statements(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| {
            s.allows()
                && (s.names_principal("Federated", COGNITO_IDENTITY)
                    || s.names_principal("Federated", COGNITO_IDENTITY_CN))
                && s.grants_action("sts:AssumeRoleWithWebIdentity")
        })
    }

    /// Whether it lets identity pools assume the role.
    pub fn trusts_identity_pools(&self) -> bool {
        self.identity_pool_statements().next().is_some()
    }
}

impl PolicyDocument {
    /// The most dangerous broad grant of its statements (see [`Statement::broad_grants`]).
    pub fn broad_grant(&self) -> Option<(Span, String)> {
        self.broad_grant_except(|_| false)
    }

    /// Like [`PolicyDocument::broad_grant`], leaving out the statements `skip` picks (those
    /// another finding already reports).
    pub fn broad_grant_except(&self, skip: impl Fn(&Statement) -> bool) -> Option<(Span, String)> {
        most_dangerous(
            self.statements
                .iter()
                .filter(|s| !skip(s))
                .flat_map(Statement::broad_grants),
        )
    }
}

/// A managed policy attached to a role: an ARN (AWS managed, or another account's), or a policy
/// resource of the same scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyRef {
    Arn(String),
    Resource(String),
}

impl PolicyRef {
    /// The policy a written ARN or a link names; `None` when it cannot be known.
    pub fn from_term(term: &Term) -> Option<Self> {
        match term {
            Term::Text(arn) => Some(PolicyRef::Arn(arn.clone())),
            Term::Resource(name) => Some(PolicyRef::Resource(name.clone())),
            Term::Unknown(_) => None,
        }
    }

    /// For an AWS managed policy ARN (`arn:aws:iam::aws:policy/...`), its name.
    pub fn aws_managed_name(&self) -> Option<&str> {
        let PolicyRef::Arn(arn) = self else {
            return None;
        };
        let (prefix, path) = arn.split_once(":iam::aws:policy/")?;
        prefix
            .starts_with("arn:")
            .then(|| path.rsplit('/').next().unwrap_or(path))
    }

    /// Whether it is an AWS managed policy that grants administrator, power-user or full access
    /// to a service (`AdministratorAccess`, `PowerUserAccess`, `AmazonS3FullAccess`, ...).
    pub fn is_broad_aws_managed(&self) -> bool {
        self.aws_managed_name().is_some_and(|n| {
            n == "AdministratorAccess"
                || n == "PowerUserAccess"
                || n == "IAMFullAccess"
                || n.ends_with("FullAccess")
        })
    }
}

/// An IAM role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IamRole {
    pub meta: ResourceMeta,
    /// Who may assume it (`AssumeRolePolicyDocument`, `assume_role_policy`).
    pub trust_policy: Field<PolicyDocument>,
    /// The policies written in the role itself (`Policies`, `inline_policy` blocks).
    pub inline_policies: Field<List<Field<PolicyDocument>>>,
    /// Managed policies attached in the role itself (`ManagedPolicyArns`,
    /// `managed_policy_arns`).
    pub managed_policies: Field<List<PolicyRef>>,
}

/// A policy resource of its own: an inline policy of one or more roles (`AWS::IAM::Policy`,
/// `aws_iam_role_policy`) or a managed policy (`AWS::IAM::ManagedPolicy`, `aws_iam_policy`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IamPolicy {
    pub meta: ResourceMeta,
    pub document: Field<PolicyDocument>,
    /// The roles it is attached to, when it names them (`Roles`, `role`).
    pub roles: Field<List<Term>>,
}

/// A managed policy attached to a role by a resource of its own
/// (`aws_iam_role_policy_attachment`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolePolicyAttachment {
    pub meta: ResourceMeta,
    /// `None` when not set (the deployment requires both).
    pub role: Field<Option<Term>>,
    /// The policy's ARN as written, or a link to a policy of the scan.
    pub policy: Field<Option<Term>>,
}

/// What an identity pool does when a role mapping's rules match several roles (or none
/// applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmbiguousRoleResolution {
    AuthenticatedRole,
    Deny,
}

impl AmbiguousRoleResolution {
    pub const ALL: &'static [Self] = &[Self::AuthenticatedRole, Self::Deny];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AuthenticatedRole => "AuthenticatedRole",
            Self::Deny => "Deny",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// How one identity provider's users get a role (`RoleMappings` entry, `role_mapping` block).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleMapping {
    /// `cognito-idp.<region>.amazonaws.com/<pool>:<client>` or a provider name.
    pub identity_provider: Field<Option<String>>,
    /// `Token` or `Rules`; `None` when omitted.
    pub mapping_type: Field<Option<String>>,
    /// `None` when omitted (the deployment requires it with `Token` and `Rules`).
    pub ambiguous_role_resolution: Field<Option<AmbiguousRoleResolution>>,
}

/// The roles of an identity pool (`AWS::Cognito::IdentityPoolRoleAttachment`,
/// `aws_cognito_identity_pool_roles_attachment`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityPoolRoleAttachment {
    pub meta: ResourceMeta,
    pub identity_pool: Field<ResourceRef>,
    /// The role of signed-in users; `None` when not set.
    pub authenticated_role: Field<Option<Term>>,
    /// The role of guests.
    pub unauthenticated_role: Field<Option<Term>>,
    pub role_mappings: Field<List<RoleMapping>>,
}

impl Model {
    /// Whether the role named `name` is in the scan and its trust policy lets identity pools
    /// assume it, in some scenario.
    pub fn role_trusts_identity_pools(&self, name: &str) -> bool {
        self.iam_role(name).is_some_and(|role| {
            role.trust_policy
                .alternatives()
                .iter()
                .any(|a| matches!(&a.value, Value::Known(d) if d.trusts_identity_pools()))
        })
    }

    /// The role a role setting names (an identity pool's authenticated role), in every
    /// scenario: `None` when no role is set; unknown when the role is not in the scanned files
    /// (an ARN written as text, another stack's role) or cannot be read.
    pub fn linked_role<'m>(&'m self, link: &Field<Option<Term>>) -> Field<Option<&'m IamRole>> {
        let alternatives = link
            .alternatives()
            .iter()
            .map(|a| {
                let value = match &a.value {
                    Value::Unknown(u) => Value::Unknown(u.clone()),
                    Value::Known(None) => Value::Known(None),
                    Value::Known(Some(term)) => match term {
                        Term::Resource(name) => match self.iam_role(name) {
                            Some(role) => Value::Known(Some(role)),
                            None => Value::Unknown(Unknown::new(format!(
                                "`{name}` is not an IAM role of the scanned files"
                            ))),
                        },
                        Term::Text(arn) => Value::Unknown(Unknown::new(format!(
                            "role `{arn}` is not in the scanned files"
                        ))),
                        Term::Unknown(reason) => Value::Unknown(Unknown::new(reason.clone())),
                    },
                };
                Alternative {
                    value,
                    scenario: a.scenario.clone(),
                    provenance: a.provenance.clone(),
                }
            })
            .collect();
        Field::from_alternatives(alternatives, link.at())
    }

    /// The policy documents that grant `role` permissions, wherever the scan writes them: its
    /// inline policies, policy resources that name it, and managed policies of the scan that it
    /// or an attachment links to. AWS managed policies and other ARNs are not documents: see
    /// [`Model::managed_policies_of`].
    pub fn policy_documents_of<'m>(&'m self, role: &'m IamRole) -> Vec<&'m Field<PolicyDocument>> {
        let mut out: Vec<&Field<PolicyDocument>> = Vec::new();
        for a in role.inline_policies.alternatives() {
            if let Value::Known(items) = &a.value {
                out.extend(items.iter().map(|i| &i.value));
            }
        }
        let names_role = |t: &Term| matches!(t, Term::Resource(n) if *n == role.meta.name);
        for policy in &self.iam_policies {
            let named = policy.roles.alternatives().iter().any(|a| {
                matches!(&a.value, Value::Known(items) if items.iter().any(|i| names_role(&i.value)))
            });
            if named {
                out.push(&policy.document);
            }
        }
        let mut linked: Vec<&str> = Vec::new();
        for a in role.managed_policies.alternatives() {
            if let Value::Known(items) = &a.value {
                linked.extend(items.iter().filter_map(|i| match &i.value {
                    PolicyRef::Resource(name) => Some(name.as_str()),
                    PolicyRef::Arn(_) => None,
                }));
            }
        }
        for attachment in self.managed_policies_of(role) {
            for a in attachment.alternatives() {
                if let Value::Known(Some(Term::Resource(name))) = &a.value {
                    linked.push(name);
                }
            }
        }
        for name in linked {
            if let Some(policy) = self.iam_policy(name) {
                if !out.iter().any(|d| std::ptr::eq(*d, &policy.document)) {
                    out.push(&policy.document);
                }
            }
        }
        out
    }

    /// The managed policies attached to `role` by attachment resources of the scan
    /// (`aws_iam_role_policy_attachment`): each an ARN or a link to a policy of the scan.
    pub fn managed_policies_of<'m>(&'m self, role: &IamRole) -> Vec<&'m Field<Option<Term>>> {
        self.role_policy_attachments
            .iter()
            .filter(|a| {
                a.role.alternatives().iter().any(|r| {
                    matches!(&r.value, Value::Known(Some(Term::Resource(n))) if *n == role.meta.name)
                })
            })
            .map(|a| &a.policy)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_patterns_match_as_iam_matches_them() {
        for (pattern, text, matches) in [
            ("*", "iam:PassRole", true),
            ("iam:*", "IAM:PASSROLE", true),
            ("IAM:pass*", "iam:PassRole", true),
            ("i?m:Pass?ole", "iam:PassRole", true),
            ("iam:*Role", "iam:PassRole", true),
            ("*:*Identity*Roles", SET_IDENTITY_POOL_ROLES, true),
            ("iam:PassRole", "iam:PassRoles", false),
            ("iam:PassRoles", "iam:PassRole", false),
            ("iam:?", "iam:PassRole", false),
            ("s3:*", "iam:PassRole", false),
            ("", "", true),
            ("*", "", true),
            ("?", "", false),
            // Not ASCII: `?` is one character, not one byte.
            ("é?", "éé", true),
            ("É*", "éa", false),
            ("a?c", "aéc", true),
        ] {
            assert_eq!(wildcard_match(pattern, text), matches, "{pattern} {text}");
        }
    }

    #[test]
    fn wildcards_match_like_iam() {
        assert!(wildcard_match("iam:*", "iam:PassRole"));
        assert!(wildcard_match("*", "iam:PassRole"));
        assert!(wildcard_match("IAM:pass*", "iam:PassRole"));
        assert!(wildcard_match(
            "cognito-identity:Set?dentityPoolRoles",
            "cognito-identity:SetIdentityPoolRoles"
        ));
        assert!(!wildcard_match("iam:Get*", "iam:PassRole"));
    }

    #[test]
    fn write_actions_are_those_not_reading() {
        assert!(is_write_action("s3:PutObject"));
        assert!(is_write_action("dynamodb:*"));
        assert!(is_write_action("s3:Put*"));
        assert!(!is_write_action("s3:GetObject"));
        assert!(!is_write_action("dynamodb:Query"));
        assert!(!is_write_action("s3:List*"));
        assert!(is_write_action("s3:Géé*"));
        assert!(is_write_action("s3:é"));
        // A pattern that may match a write as well as a read.
        assert!(is_write_action("ec2:De*"));
        assert!(is_write_action("s3:G*"));
        // Actions that compute and change nothing.
        assert!(!is_write_action("rekognition:DetectLabels"));
        assert!(!is_write_action("translate:TranslateText"));
    }

    #[test]
    fn aws_managed_full_access_is_broad() {
        let arn = |a: &str| PolicyRef::Arn(a.to_string());
        assert!(arn("arn:aws:iam::aws:policy/AdministratorAccess").is_broad_aws_managed());
        assert!(arn("arn:aws:iam::aws:policy/AmazonS3FullAccess").is_broad_aws_managed());
        assert!(
            arn("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess").aws_managed_name()
                == Some("ViewOnlyAccess")
        );
        assert!(!arn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").is_broad_aws_managed());
        assert!(!arn("arn:aws:iam::123456789012:policy/AdministratorAccess").is_broad_aws_managed());
    }
}

/// The action that chooses the roles an identity pool hands out.
pub const SET_IDENTITY_POOL_ROLES: &str = "cognito-identity:SetIdentityPoolRoles";
/// The action that lets its holder name a role for a service to use.
pub const PASS_ROLE: &str = "iam:PassRole";

/// Whether a `PassRole` statement's `iam:PassedToService` condition leaves identity pools out.
fn passed_to_other_services(statement: &Statement) -> bool {
    let Value::Known(conditions) = &statement.conditions else {
        return false;
    };
    conditions
        .iter()
        .filter(|c| c.is_on("iam:PassedToService"))
        .any(|c| {
            let op = c.base_operator();
            let like = op.eq_ignore_ascii_case("StringLike");
            let equals = op.eq_ignore_ascii_case("StringEquals")
                || op.eq_ignore_ascii_case("StringEqualsIgnoreCase");
            // `StringNotEquals` and the like allow every service but a few: Cognito may be one.
            (like || equals)
                && c.values.iter().all(|v| {
                    v.value.text().is_some_and(|t| {
                        if like {
                            !wildcard_match(t, COGNITO_IDENTITY)
                        } else {
                            !t.eq_ignore_ascii_case(COGNITO_IDENTITY)
                        }
                    })
                })
        })
}

/// Whether an unconditional `Deny` of the document covers `action` on `resource` (or on
/// every resource).
fn denied(document: &PolicyDocument, action: &str, resource: &Term) -> bool {
    document.statements.iter().any(|s| {
        matches!(&s.effect, Some(e) if e.value.text().is_some_and(|t| t.eq_ignore_ascii_case("Deny")))
            && s.grants_action(action)
            && matches!(&s.conditions, Value::Known(c) if c.is_empty())
            && s.resources.iter().flatten().any(|r| match &r.value {
                Term::Text(t) => t == "*" || Some(t.as_str()) == resource.text(),
                other => other == resource,
            })
    })
}

/// The role a `PassRole` resource may name that identity pools can assume, in words.
fn passable_role(model: &Model, resource: &Term) -> Option<String> {
    match resource {
        Term::Text(t) if t == "*" => Some("`*` (every role)".into()),
        Term::Text(t) if t.ends_with(":role/*") => Some(format!("`{t}` (every role)")),
        Term::Resource(name) if model.role_trusts_identity_pools(name) => {
            let shown = model
                .iam_role(name)
                .map_or(name.as_str(), |r| r.meta.display_name());
            Some(format!("role `{shown}`, which identity pools may assume"))
        }
        _ => None,
    }
}

/// Where a policy document lets its holder hand an identity pool a role it may assume: it
/// allows `cognito-identity:SetIdentityPoolRoles` and `iam:PassRole` on such a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityPoolEscalation {
    /// The `PassRole` statement (the list item).
    pub statement: Span,
    /// The `iam:PassRole` action (or the pattern that grants it).
    pub at: Span,
    /// The role that can be passed, in words.
    pub role: String,
}

impl Model {
    /// Whether `document` allows both `cognito-identity:SetIdentityPoolRoles` and
    /// `iam:PassRole` on a role that identity pools may assume: a role of the scan whose trust
    /// policy names `cognito-identity.amazonaws.com`, or any role (`*`,
    /// `arn:aws:iam::...:role/*`). A `PassRole` statement whose `iam:PassedToService` condition
    /// names other services only does not count, nor one an unconditional `Deny` takes back.
    pub fn identity_pool_escalation(
        &self,
        document: &PolicyDocument,
    ) -> Option<IdentityPoolEscalation> {
        document.granting(SET_IDENTITY_POOL_ROLES).next()?;
        if denied(document, SET_IDENTITY_POOL_ROLES, &Term::Text("*".into())) {
            return None;
        }
        document.granting(PASS_ROLE).find_map(|(statement, at)| {
            if passed_to_other_services(statement) {
                return None;
            }
            let role = statement
                .resources
                .iter()
                .flatten()
                .filter(|r| !denied(document, PASS_ROLE, &r.value))
                .find_map(|r| passable_role(self, &r.value))?;
            Some(IdentityPoolEscalation {
                statement: statement.at,
                at,
                role,
            })
        })
    }
}

//! IAM roles and policies, and the roles of identity pools, typed into the model. A policy
//! document is first read into a located tree (whatever the format wrote: a mapping, a JSON
//! string, a Terraform object, each scenario of its functions apart), then into statements.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::iam::{
    AmbiguousRoleResolution, Condition, IamPolicy, IamRole, IdentityPoolRoleAttachment, Located,
    PolicyDocument, PolicyRef, Principal, RoleMapping, RolePolicyAttachment, Statement, Term,
    Terms,
};
use coglint_model::{Alternative, Field, Item, List, ResourceMeta, Scenario};
use coglint_model::{Unknown, Value};
use coglint_source::Span;
use coglint_syntax::NodeKind;

use super::{FromText, Prop, Resource};
use crate::value::{product, Alt, Resolved};

/// The deepest nesting of a policy document that is read.
const MAX_DEPTH: usize = 32;

/// A value of a policy document, every part located.
#[derive(Clone, Debug)]
enum Tree {
    Text(String, Span),
    List(Vec<Tree>, Span),
    /// Keys with where each is written.
    Map(Vec<(String, Span, Tree)>, Span),
    Link(String, Span),
    Unknown(String, Span),
}

impl Tree {
    fn at(&self) -> Span {
        match self {
            Tree::Text(_, at)
            | Tree::List(_, at)
            | Tree::Map(_, at)
            | Tree::Link(_, at)
            | Tree::Unknown(_, at) => *at,
        }
    }
}

/// A value in each scenario; `None`: absent (`AWS::NoValue`, `null`).
type Trees = Vec<(Scenario, Option<Tree>)>;

fn trees<'a>(r: &Resource<'_, 'a>, alt: &Alt<'a>, depth: usize) -> Trees {
    let at = alt.provenance.primary();
    let s = &alt.scenario;
    let one = |tree: Tree| vec![(s.clone(), Some(tree))];
    if depth > MAX_DEPTH {
        return one(Tree::Unknown("nested too deeply to read".into(), at));
    }
    let combine = |parts: Vec<Trees>, make: &dyn Fn(Vec<Option<Tree>>) -> Tree| match product(
        s,
        parts,
        |(scenario, _)| scenario,
    ) {
        Ok(combos) => combos
            .into_iter()
            .map(|(scenario, values)| {
                let values = values.into_iter().map(|(_, tree)| tree).collect();
                (scenario, Some(make(values)))
            })
            .collect(),
        Err(too_many) => one(Tree::Unknown(too_many.to_string(), at)),
    };
    match &alt.value {
        Resolved::Absent { .. } => vec![(s.clone(), None)],
        Resolved::Node(node) => match &node.kind {
            NodeKind::Scalar(scalar) if scalar.is_null() => vec![(s.clone(), None)],
            NodeKind::Scalar(scalar) => one(Tree::Text(scalar.text.clone(), at)),
            NodeKind::Sequence(items) => {
                let parts = items
                    .iter()
                    .map(|item| {
                        r.source
                            .resolve(item, s)
                            .iter()
                            .flat_map(|a| trees(r, a, depth + 1))
                            .collect()
                    })
                    .collect();
                combine(parts, &|values| {
                    Tree::List(values.into_iter().flatten().collect(), at)
                })
            }
            NodeKind::Mapping(entries) => {
                let keys: Vec<(String, Span)> = entries
                    .iter()
                    .map(|e| (e.key.text.clone(), e.key.span()))
                    .collect();
                let parts = entries
                    .iter()
                    .map(|e| {
                        r.source
                            .resolve(&e.value, s)
                            .iter()
                            .flat_map(|a| trees(r, a, depth + 1))
                            .collect()
                    })
                    .collect();
                combine(parts, &|values| map_of(&keys, values, at))
            }
        },
        Resolved::Text(t) => one(Tree::Text(t.clone(), at)),
        Resolved::Texts(texts) => one(Tree::List(
            texts.iter().map(|t| Tree::Text(t.clone(), at)).collect(),
            at,
        )),
        Resolved::Items(items) => {
            let parts = items.iter().map(|i| trees(r, i, depth + 1)).collect();
            combine(parts, &|values| {
                Tree::List(values.into_iter().flatten().collect(), at)
            })
        }
        Resolved::Fields(fields) => {
            let keys: Vec<(String, Span)> = fields
                .iter()
                .map(|(k, v)| (k.clone(), v.provenance.primary()))
                .collect();
            let parts = fields.iter().map(|(_, v)| trees(r, v, depth + 1)).collect();
            combine(parts, &|values| map_of(&keys, values, at))
        }
        Resolved::Link(name) => one(Tree::Link(name.clone(), at)),
        Resolved::Unknown(reason) | Resolved::Error(reason) => {
            one(Tree::Unknown(reason.clone(), at))
        }
    }
}

/// A mapping of `keys` to one combination of their values; a key whose value is absent in it is
/// left out.
fn map_of(keys: &[(String, Span)], values: Vec<Option<Tree>>, at: Span) -> Tree {
    let fields = keys
        .iter()
        .cloned()
        .zip(values)
        .filter_map(|((k, key_at), v)| v.map(|v| (k, key_at, v)))
        .collect();
    Tree::Map(fields, at)
}

/// A document written as JSON text: every part is located at the text.
fn json_tree(value: &serde_json::Value, at: Span) -> Option<Tree> {
    Some(match value {
        serde_json::Value::Null => return None,
        serde_json::Value::Bool(b) => Tree::Text(b.to_string(), at),
        serde_json::Value::Number(n) => Tree::Text(n.to_string(), at),
        serde_json::Value::String(s) => Tree::Text(s.clone(), at),
        serde_json::Value::Array(items) => {
            Tree::List(items.iter().filter_map(|v| json_tree(v, at)).collect(), at)
        }
        serde_json::Value::Object(o) => Tree::Map(
            o.iter()
                .filter_map(|(k, v)| json_tree(v, at).map(|t| (k.clone(), at, t)))
                .collect(),
            at,
        ),
    })
}

fn get<'t>(fields: &'t [(String, Span, Tree)], key: &str) -> Option<&'t Tree> {
    fields
        .iter()
        .find(|(k, _, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, _, t)| t)
}

fn term(tree: &Tree) -> Located<Term> {
    let value = match tree {
        Tree::Text(t, _) => Term::Text(t.clone()),
        Tree::Link(name, _) => Term::Resource(name.clone()),
        Tree::Unknown(reason, _) => Term::Unknown(reason.clone()),
        Tree::List(..) | Tree::Map(..) => {
            Term::Unknown("a list or an object where a string is expected".into())
        }
    };
    Located {
        value,
        at: tree.at(),
    }
}

/// A string or a list of strings.
fn terms(tree: &Tree) -> Terms {
    match tree {
        Tree::List(items, _) => items.iter().map(term).collect(),
        other => vec![term(other)],
    }
}

fn unknown_reason(tree: &Tree, expected: &str) -> String {
    match tree {
        Tree::Unknown(reason, _) => reason.clone(),
        Tree::Link(name, _) => format!("the ID of `{name}` where {expected} is expected"),
        _ => format!("not {expected}"),
    }
}

fn principals(tree: &Tree) -> Value<Vec<Principal>> {
    match tree {
        Tree::Text(t, at) if t == "*" => Value::Known(vec![Principal {
            kind: "*".into(),
            ids: vec![Located {
                value: Term::Text("*".into()),
                at: *at,
            }],
        }]),
        Tree::Map(kinds, _) => Value::Known(
            kinds
                .iter()
                .map(|(kind, _, ids)| Principal {
                    kind: kind.clone(),
                    ids: terms(ids),
                })
                .collect(),
        ),
        other => Value::Unknown(Unknown::new(unknown_reason(other, "a principal"))),
    }
}

fn conditions(tree: &Tree) -> Value<Vec<Condition>> {
    let Tree::Map(operators, _) = tree else {
        return Value::Unknown(Unknown::new(unknown_reason(tree, "a condition block")));
    };
    let mut out = Vec::new();
    for (operator, _, keys) in operators {
        let Tree::Map(keys, _) = keys else {
            return Value::Unknown(Unknown::new(unknown_reason(keys, "a condition")));
        };
        for (key, key_at, values) in keys {
            out.push(Condition {
                operator: operator.clone(),
                key: key.clone(),
                values: terms(values),
                at: *key_at,
            });
        }
    }
    Value::Known(out)
}

fn statement(tree: &Tree) -> Result<Statement, String> {
    let Tree::Map(fields, at) = tree else {
        return Err(unknown_reason(tree, "a statement"));
    };
    Ok(Statement {
        at: *at,
        effect: get(fields, "Effect").map(term),
        actions: get(fields, "Action").map(terms),
        not_actions: get(fields, "NotAction").map(terms),
        resources: get(fields, "Resource").map(terms),
        not_resources: get(fields, "NotResource").map(terms),
        principals: get(fields, "Principal").map(principals),
        principal_at: get(fields, "Principal").map(Tree::at),
        conditions: get(fields, "Condition").map_or(Value::Known(Vec::new()), conditions),
    })
}

fn document(tree: Tree) -> Value<PolicyDocument> {
    let tree = match tree {
        Tree::Text(text, at) if text.trim_start().starts_with('{') => {
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => match json_tree(&v, at) {
                    Some(t) => t,
                    None => return Value::Unknown(Unknown::new("an empty policy document")),
                },
                Err(e) => {
                    return Value::Unknown(Unknown::new(format!(
                        "the policy document is not valid JSON: {e}"
                    )))
                }
            }
        }
        other => other,
    };
    let Tree::Map(fields, at) = &tree else {
        return Value::Unknown(Unknown::new(unknown_reason(&tree, "a policy document")));
    };
    let statements = match get(fields, "Statement") {
        None => Ok(Vec::new()),
        Some(Tree::List(items, _)) => items.iter().map(statement).collect(),
        Some(single @ Tree::Map(..)) => statement(single).map(|s| vec![s]),
        Some(other) => Err(unknown_reason(other, "a list of statements")),
    };
    match statements {
        Ok(statements) => Value::Known(PolicyDocument {
            at: *at,
            statements,
        }),
        Err(reason) => Value::Unknown(Unknown::new(reason)),
    }
}

impl<'a> Resource<'_, 'a> {
    /// A policy document. Omitted, it is unknown (the deployment requires it).
    fn policy(&self, path: &[&str]) -> Field<PolicyDocument> {
        self.policy_or(path, None)
    }

    /// An inline policy's document; omitted, no statement: Terraform's documented
    /// `inline_policy {}` says the role has no inline policy (and CloudFormation rejects a
    /// policy without a document).
    fn inline_policy(&self, path: &[&str], doc: &'static str) -> Field<PolicyDocument> {
        self.policy_or(path, Some(doc))
    }

    /// A policy document; omitted, an empty one as documented at `empty`, or unknown.
    fn policy_or(&self, path: &[&str], empty: Option<&'static str>) -> Field<PolicyDocument> {
        let missing = || Value::Unknown(Unknown::new(format!("`{}` is missing", path.join("."))));
        let mut alternatives = Vec::new();
        for alt in self.source.read_document(path) {
            if let (Resolved::Absent { .. }, Some(doc)) = (&alt.value, empty) {
                let value = PolicyDocument {
                    at: self.header,
                    statements: Vec::new(),
                };
                alternatives.push(self.defaulted(path, AwsDefault { value, doc }, alt.scenario));
                continue;
            }
            for (scenario, tree) in trees(self, &alt, 0) {
                alternatives.push(Alternative {
                    value: tree.map_or_else(missing, document),
                    scenario,
                    provenance: alt.provenance.clone(),
                });
            }
        }
        Field::from_alternatives(alternatives, self.header)
    }

    /// A string or a list of strings whose items may be links; omitted, an empty list.
    fn terms(&self, path: &[&str], doc: &'static str) -> Field<List<Term>> {
        self.tree_field(path, doc, Vec::new, |tree| match &tree {
            None => Value::Known(Vec::new()),
            Some(Tree::Unknown(reason, _)) => Value::Unknown(Unknown::new(reason.clone())),
            Some(tree) => Value::Known(
                terms(tree)
                    .into_iter()
                    .map(|t| Item {
                        value: t.value,
                        at: Some(t.at),
                    })
                    .collect(),
            ),
        })
    }

    /// One string that may be a link; `None` when omitted.
    fn term(&self, path: &[&str], doc: &'static str) -> Field<Option<Term>> {
        self.tree_field(
            path,
            doc,
            || None,
            |tree| Value::Known(tree.map(|t| term(&t).value)),
        )
    }

    /// The value at `path` read as a tree in every scenario and typed by `value`; omitted, AWS's
    /// default `absent()` as documented at `doc`.
    fn tree_field<T>(
        &self,
        path: &[&str],
        doc: &'static str,
        absent: impl Fn() -> T,
        value: impl Fn(Option<Tree>) -> Value<T>,
    ) -> Field<T> {
        let mut alternatives = Vec::new();
        for alt in self.source.read(path) {
            if let Resolved::Absent { .. } = alt.value {
                let default = AwsDefault {
                    value: absent(),
                    doc,
                };
                alternatives.push(self.defaulted(path, default, alt.scenario));
                continue;
            }
            for (scenario, tree) in trees(self, &alt, 0) {
                alternatives.push(Alternative {
                    value: value(tree),
                    scenario,
                    provenance: alt.provenance.clone(),
                });
            }
        }
        Field::from_alternatives(alternatives, self.header)
    }
}

impl FromText for AmbiguousRoleResolution {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| {
            let valid: Vec<_> = Self::ALL.iter().map(|v| v.as_str()).collect();
            format!("`{text}` is not one of {}", valid.join(", "))
        })
    }

    const ENUM: bool = true;

    fn canonical(text: &str) -> Option<&'static str> {
        Self::parse(text).map(Self::as_str)
    }
}

pub(crate) fn identity_pool_role_attachment(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> IdentityPoolRoleAttachment {
    let n = r.names;
    let doc = defaults::IDENTITY_POOL_ROLES.doc;
    let mapping_doc = defaults::ROLE_MAPPING_SETTING.doc;
    fn none<T>(_depth: usize) -> AwsDefault<Option<T>> {
        AwsDefault {
            value: None,
            doc: defaults::ROLE_MAPPING_SETTING.doc,
        }
    }
    IdentityPoolRoleAttachment {
        meta,
        identity_pool: r.link(n(Prop::RoleAttachmentIdentityPool)),
        authenticated_role: r.term(n(Prop::AuthenticatedRole), doc),
        unauthenticated_role: r.term(n(Prop::UnauthenticatedRole), doc),
        role_mappings: r.elements(n(Prop::RoleMappings), mapping_doc, |m| RoleMapping {
            identity_provider: m.scalar(n(Prop::RoleMappingIdentityProvider), none),
            mapping_type: m.scalar(n(Prop::RoleMappingType), none),
            ambiguous_role_resolution: m.scalar(n(Prop::AmbiguousRoleResolution), none),
        }),
    }
}

pub(crate) fn iam_role(r: &Resource<'_, '_>, meta: ResourceMeta) -> IamRole {
    let n = r.names;
    let doc = defaults::ROLE_POLICIES.doc;
    let managed = r.terms(n(Prop::ManagedPolicyArns), doc).map(|items| {
        items
            .into_iter()
            .filter_map(|i| PolicyRef::from_term(&i.value).map(|value| Item { value, at: i.at }))
            .collect()
    });
    IamRole {
        meta,
        trust_policy: r.policy(n(Prop::TrustPolicy)),
        inline_policies: r.elements(n(Prop::InlinePolicies), doc, |p| {
            p.inline_policy(n(Prop::InlinePolicyDocument), doc)
        }),
        managed_policies: managed,
    }
}

pub(crate) fn iam_policy(r: &Resource<'_, '_>, meta: ResourceMeta) -> IamPolicy {
    let n = r.names;
    IamPolicy {
        meta,
        document: r.policy(n(Prop::PolicyDocument)),
        roles: r.terms(n(Prop::PolicyRoles), defaults::ROLE_POLICIES.doc),
    }
}

pub(crate) fn role_policy_attachment(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> RolePolicyAttachment {
    let n = r.names;
    let doc = defaults::ROLE_POLICIES.doc;
    RolePolicyAttachment {
        meta,
        role: r.term(n(Prop::AttachmentRole), doc),
        policy: r.term(n(Prop::AttachmentPolicyArn), doc),
    }
}

#[cfg(test)]
mod tests;

use coglint_model::{Check, Field, Model, UserPool, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client that lets users write a mutable custom attribute whose name says it
    /// decides what the user may do: a word of the name is `role`, `admin`, `group`, `tenant`,
    /// `permission`, `scope`, `plan`, `tier` or `acl` (`custom:role`, `custom:tenant_id`,
    /// `custom:isAdmin`). Without `WriteAttributes` a client may write every mutable attribute;
    /// with it, the finding points at the attribute in the list. An attribute written in the
    /// schema without `Mutable` is immutable. The user pool must be in the scanned files: when
    /// the client's pool is elsewhere, nothing can be decided.
    ///
    /// ## Why is this bad?
    /// A signed-in user can call `UpdateUserAttributes` with their own access token, through
    /// any client that may write the attribute. If the application, an API authorizer or an
    /// identity pool's role mapping trusts `custom:role` or `custom:tenant_id` from the ID
    /// token, the user grants themselves the role, or moves into another tenant, by changing
    /// it. Attributes that carry rights should be set only by the backend (admin APIs), and
    /// left out of every client's `WriteAttributes`.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Schema:
    ///         - Name: role
    ///           AttributeDataType: String
    ///           Mutable: true
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       Schema:
    ///         - Name: role
    ///           AttributeDataType: String
    ///           Mutable: true
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       WriteAttributes: [email, name]
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: list in `WriteAttributes` only what users may change (`[email, name]`),
    ///   without the custom attribute.
    /// - Terraform: `write_attributes = ["email", "name"]`.
    /// - CDK: `writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true })`.
    ///
    /// ## References
    /// - [Attribute permissions and scopes](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes)
    /// - [CreateUserPoolClient: WriteAttributes](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html)
    pub ClientWritesAuthorizationAttribute {
        code: "COG311",
        name: "client-writes-authorization-attribute",
        severity: High,
        category: AppClients,
        summary: "The client can write a mutable custom attribute that names a role, group, tenant or permission",
        fix: "leave attributes that carry rights out of the client's `WriteAttributes` (Terraform `write_attributes`)",
        cdk_fix: "writeAttributes: new ClientAttributes().withStandardAttributes({ email: true })",
        related: [],
    }
}

/// Words of an attribute name that say it carries rights.
const AUTHORIZATION_WORDS: &[&str] = &[
    "role",
    "admin",
    "group",
    "tenant",
    "permission",
    "scope",
    "plan",
    "tier",
    "acl",
];

/// The words of a name: split at anything but letters and digits, and where a lowercase letter
/// meets an uppercase one (`isAdmin`, `tenant_id`, `user-role`).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            out.push(std::mem::take(&mut current));
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower {
            out.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    out.push(current);
    out.retain(|w| !w.is_empty());
    out
}

fn names_a_right(name: &str) -> bool {
    words(name).iter().any(|w| {
        AUTHORIZATION_WORDS.iter().any(|k| {
            w == k || w.strip_suffix('s') == Some(k) || (*k == "admin" && w.starts_with(k))
        })
    })
}

/// `custom:role` for a schema attribute written `role` (or already `custom:role`).
fn custom_name(name: &str) -> String {
    let bare = name.trim();
    let bare = bare.strip_prefix("custom:").unwrap_or(bare);
    format!("custom:{bare}")
}

/// The mutable custom attributes of `pool` whose names carry rights, as clients name them.
/// An attribute counts when its name is known and it is mutable in some scenario.
fn authorization_attributes(pool: &UserPool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for alternative in pool.schema.alternatives() {
        let Value::Known(attributes) = &alternative.value else {
            continue;
        };
        for attribute in attributes {
            let Some(Some(name)) = attribute.value.name.known() else {
                continue;
            };
            let mutable = attribute
                .value
                .mutable
                .alternatives()
                .iter()
                .any(|a| a.value == Value::Known(true));
            let name = custom_name(name);
            if mutable && names_a_right(&name["custom:".len()..]) && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

impl Rule for ClientWritesAuthorizationAttribute {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let name = client.meta.display_name();
            // A client that may write no custom attribute at all is safe whatever its pool.
            let no_custom = client.write_attributes.alternatives().iter().all(|a| {
                matches!(&a.value, Value::Known(Some(list))
                    if !list.iter().any(|i| i.value.trim().starts_with("custom:")))
            });
            if no_custom {
                continue;
            }
            let Some(pool) = model.pool_of(client) else {
                // The pool is outside the scan (or its link unknown): record why, decide nothing.
                let reason = client
                    .user_pool
                    .alternatives()
                    .iter()
                    .find_map(|a| match &a.value {
                        Value::Unknown(u) => Some(u.reason.clone()),
                        Value::Known(_) => None,
                    })
                    .or_else(|| {
                        client.user_pool.known().map(|r| {
                            format!(
                                "user pool `{}` is not declared in the scanned files",
                                r.target
                            )
                        })
                    })
                    .unwrap_or_else(|| {
                        "the client's user pool depends on the scenario".to_string()
                    });
                let at = client
                    .user_pool
                    .alternatives()
                    .first()
                    .map_or(client.meta.header, |a| a.provenance.primary());
                let unknown: Field<()> = Field::unknown(reason, at);
                ctx.report(
                    &client.meta,
                    "the user pool's schema",
                    unknown.fails_when(|_| true),
                    |_| Described::new(String::new(), String::new()),
                );
                continue;
            };
            let risky = authorization_attributes(pool);
            if risky.is_empty() {
                continue;
            }
            let written = |attribute: &str| {
                risky
                    .iter()
                    .find(|r| r.eq_ignore_ascii_case(attribute.trim()))
                    .cloned()
            };
            let verdict = client.write_attributes.check(|writes| match writes {
                None => Check::Fail,
                Some(list) => match list.iter().find(|i| written(&i.value).is_some()) {
                    Some(item) => item.at.map_or(Check::Fail, Check::FailAt),
                    None => Check::Pass,
                },
            });
            let pool_name = pool.meta.display_name();
            ctx.report(&client.meta, "the writable attributes", verdict, |writes| {
                let (attribute, value, item) = match writes {
                    None => (
                        risky.join("`, `"),
                        "every mutable attribute".to_string(),
                        false,
                    ),
                    Some(list) => {
                        let a = list
                            .iter()
                            .find_map(|i| written(&i.value))
                            .unwrap_or_default();
                        let v = format!("`{a}`");
                        (a, v, true)
                    }
                };
                let described = Described::new(
                    format!(
                        "app client `{name}` lets users change `{attribute}` of user pool `{pool_name}`: they can grant themselves the rights it carries"
                    ),
                    value,
                );
                if item {
                    described.item()
                } else {
                    described
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_carry_rights() {
        for name in [
            "role",
            "user_role",
            "isAdmin",
            "administrator",
            "tenant_id",
            "tenantId",
            "Groups",
            "subscription-plan",
            "acl",
        ] {
            assert!(names_a_right(name), "{name}");
        }
        for name in [
            "department",
            "controller",
            "planet",
            "favorite_color",
            "frontier",
        ] {
            assert!(!names_a_right(name), "{name}");
        }
    }
}

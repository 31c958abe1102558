//! Resources around user pools that rules read: federated identity providers (whose secrets
//! must not be written in the code) and API Gateway methods and routes (which a user pool is
//! usually there to protect).

use crate::field::{Field, InputKind, ParameterOrigin, Provenance};
use crate::resources::{ResourceMeta, ResourceRef};

/// How a secret is given to AWS. The text of a secret is never kept in the model, so that no
/// message can print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secret {
    /// Text that CloudFormation or Terraform passes on as it is: written in the resource, or
    /// the value of a parameter or variable. The field's provenance says where it is written.
    PlainText,
    /// A dynamic reference that CloudFormation resolves at deployment from a secret store
    /// (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`).
    StoreReference,
    /// A dynamic reference to a plaintext Systems Manager parameter (`{{resolve:ssm:...}}`):
    /// not in the code, but stored unencrypted and readable by whoever may read parameters.
    PlaintextParameter,
    /// Empty or blank text: a placeholder, no secret (the deployment supplies none).
    Empty,
}

impl Secret {
    /// Reads how a secret's text gives the secret.
    pub fn classify(text: &str) -> Self {
        let t = text.trim_start();
        if t.is_empty() {
            Secret::Empty
        } else if t.starts_with("{{resolve:secretsmanager:")
            || t.starts_with("{{resolve:ssm-secure:")
        {
            Secret::StoreReference
        } else if t.starts_with("{{resolve:ssm:") {
            Secret::PlaintextParameter
        } else {
            Secret::PlainText
        }
    }
}

/// How a secret given in some way can be read by people who should not have it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exposure {
    /// Its text is written in the scanned code: in the resource, or as the default (or an
    /// allowed value) of a parameter or variable. A `NoEcho` parameter's `Default` is in the
    /// template as well.
    WrittenInCode,
    /// It comes from a template parameter without `NoEcho`: CloudFormation shows the value in
    /// the console and in `DescribeStacks`.
    ShownByCloudFormation,
    /// It is read from a plaintext Systems Manager parameter.
    PlaintextParameter,
}

impl Exposure {
    /// How exposed the secret `secret`, given as `provenance` says, is; `None` when it is kept
    /// out of the code (a secret store, a hidden or supplied input, a data source).
    pub fn of(secret: Secret, provenance: &Provenance) -> Option<Self> {
        match secret {
            Secret::StoreReference | Secret::Empty => None,
            Secret::PlaintextParameter => Some(Exposure::PlaintextParameter),
            Secret::PlainText => match provenance {
                Provenance::Literal { .. } | Provenance::Computed { .. } => {
                    Some(Exposure::WrittenInCode)
                }
                // No secret is ever a default; were it one, nothing is written.
                Provenance::Default { .. } => None,
                Provenance::Parameter {
                    origin: ParameterOrigin::Default | ParameterOrigin::AllowedValue,
                    ..
                } => Some(Exposure::WrittenInCode),
                Provenance::Parameter {
                    input: InputKind::Parameter,
                    hidden: false,
                    ..
                } => Some(Exposure::ShownByCloudFormation),
                // Supplied at deployment to a `NoEcho` parameter, or to a Terraform variable.
                Provenance::Parameter { .. } => None,
            },
        }
    }
}

/// A federated identity provider of a user pool (SAML, OIDC, social).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityProvider {
    pub meta: ResourceMeta,
    pub user_pool: Field<ResourceRef>,
    /// The OAuth client secret Cognito uses with the provider (OIDC, Google, Facebook, Login
    /// with Amazon); `None` when none is given.
    pub client_secret: Field<Option<Secret>>,
    /// The private key Cognito signs requests to Sign in with Apple with; `None` when none is
    /// given.
    pub private_key: Field<Option<Secret>>,
}

/// An API Gateway REST API method or HTTP/WebSocket API route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiMethod {
    pub meta: ResourceMeta,
    /// A route of an HTTP or WebSocket API, rather than a method of a REST API.
    pub is_route: bool,
    /// The authorization it requires as written (`NONE`, `AWS_IAM`, `CUSTOM`,
    /// `COGNITO_USER_POOLS`, `JWT`); AWS's default when omitted.
    pub authorization_type: Field<String>,
    /// The HTTP method (`GET`, `OPTIONS`, `ANY`), the method part of an HTTP API route key
    /// (`GET /pets`), or the whole key for a special route (`$default`); `None` when omitted.
    pub http_method: Field<Option<String>>,
}

impl ApiMethod {
    /// Whether a method (or route key) is a CORS preflight, which browsers send without
    /// credentials and which must stay open.
    pub fn is_preflight(method: &str) -> bool {
        method.trim().eq_ignore_ascii_case("OPTIONS")
    }

    /// Whether a route key's first word names a WebSocket route that API Gateway cannot
    /// authorize: `$disconnect` and message routes (`sendmessage`). Only `$connect` (and, in an
    /// HTTP API, `$default` and `GET /path` routes) can require authorization.
    pub fn is_unauthorizable_route(key: &str) -> bool {
        const HTTP_VERBS: &[&str] = &[
            "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
        ];
        let key = key.trim();
        !(key == "$connect"
            || key == "$default"
            || HTTP_VERBS.iter().any(|v| v.eq_ignore_ascii_case(key)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dynamic_references_to_secret_stores_are_references() {
        assert_eq!(
            Secret::classify("{{resolve:secretsmanager:idp:SecretString:client_secret}}"),
            Secret::StoreReference
        );
        assert_eq!(
            Secret::classify("{{resolve:ssm-secure:/idp/secret:1}}"),
            Secret::StoreReference
        );
        assert_eq!(
            Secret::classify("{{resolve:ssm:/idp/secret}}"),
            Secret::PlaintextParameter
        );
        assert_eq!(Secret::classify("s3cr3t"), Secret::PlainText);
        assert!(ApiMethod::is_preflight("options"));
        assert!(!ApiMethod::is_preflight("GET"));
        assert!(ApiMethod::is_unauthorizable_route("$disconnect"));
        assert!(ApiMethod::is_unauthorizable_route("sendmessage"));
        assert!(!ApiMethod::is_unauthorizable_route("$connect"));
        assert!(!ApiMethod::is_unauthorizable_route("$default"));
        assert!(!ApiMethod::is_unauthorizable_route("GET"));
    }
}

//! The Cognito resources of one unit of analysis (a CloudFormation template; later a Terraform
//! module), in the user's terms rather than any format's.

use coglint_source::{FileId, Span};

use crate::defaults::TokenValidity;
use crate::field::{Field, List};
use crate::values::{
    AdvancedSecurityMode, DeletionProtection, ExplicitAuthFlow, MfaConfiguration, OAuthFlow,
    PreventUserExistenceErrors, UserPoolTier,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceKind {
    UserPool,
    UserPoolClient,
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
    /// Suppressions written in the resource itself (CloudFormation `Metadata`).
    pub suppressions: Vec<Suppression>,
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
}

/// Every Cognito resource of one unit of analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    pub user_pools: Vec<UserPool>,
    pub clients: Vec<UserPoolClient>,
}

impl Model {
    pub fn user_pool(&self, name: &str) -> Option<&UserPool> {
        self.user_pools.iter().find(|p| p.meta.name == name)
    }

    /// The user pool a client belongs to, when the link is known and leads into this model.
    pub fn pool_of(&self, client: &UserPoolClient) -> Option<&UserPool> {
        self.user_pool(&client.user_pool.known()?.target)
    }

    pub fn is_empty(&self) -> bool {
        self.user_pools.is_empty() && self.clients.is_empty()
    }
}

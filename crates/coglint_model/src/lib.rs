//! The typed Cognito model.
//!
//! Front ends (CloudFormation today, Terraform and CDK later) fill it; rules read only it. Each
//! property a rule reads is a [`Field`]: the value (or why it cannot be known), where it came
//! from, and the scenario in which it holds. Omitted properties hold AWS's default, from the one
//! table in [`defaults`].

mod attachments;
pub mod defaults;
mod field;
pub mod iam;
mod network;
mod resources;
mod surroundings;
mod values;

pub use attachments::{
    LambdaPermission, LogConfiguration, LogDeliveryConfiguration, WebAclAssociation,
};
pub use defaults::TokenValidity;
pub use field::{
    Alternative, Check, Field, Hit, Item, List, Provenance, Scenario, Subject, Unknown, Value,
    Verdict,
};
pub use field::{InputKind, ParameterOrigin};
pub use network::IpRange;
pub use resources::MfaFactors;
pub use resources::SchemaAttribute;
pub use resources::{first_recovery_mechanism, RecoveryMechanism};
pub use resources::{CognitoIdentityProvider, IdentityPool, RiskConfiguration};
pub use resources::{EnumValue, HandOff, Spelling, Unread};
pub use resources::{
    Model, PasswordPolicy, ReportedAt, ResourceKind, ResourceMeta, ResourceRef, Suppression,
    UserPool, UserPoolClient,
};
pub use surroundings::{ApiMethod, Exposure, IdentityProvider, Secret};
pub use values::LogEventSource;
pub use values::RefreshTokenRotation;
pub use values::{AccountTakeoverAction, CompromisedCredentialsAction, RiskEvent};
pub use values::{
    AdvancedSecurityMode, DeletionProtection, ExplicitAuthFlow, MfaConfiguration, OAuthFlow,
    PreventUserExistenceErrors, TokenUnit, UserPoolTier,
};
pub use values::{AuthFactor, MfaFactor};
pub use values::{RecoveryOption, UserAttribute};

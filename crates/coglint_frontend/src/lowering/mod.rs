//! Typing evaluated values into the model: what every front end shares. A front end reads a
//! property (a [`PropertySource`]) and names it ([`prop::Names`]); the defaults, the parsing of values
//! and the shape of each resource are decided here once.

mod client;
mod iam;
mod identity_pool;
mod prop;
mod resource;
mod source;
mod surroundings;
mod text;
mod user_pool;

pub(crate) use client::client;
pub(crate) use iam::{iam_policy, iam_role, identity_pool_role_attachment, role_policy_attachment};
pub(crate) use identity_pool::identity_pool;
pub(crate) use prop::Prop;
pub(crate) use resource::Resource;
pub(crate) use source::{Element, ElementValue, Elements, PropertySource};
pub(crate) use surroundings::{
    api_method, identity_provider, lambda_permission, log_delivery_configuration,
    risk_configuration, web_acl_association,
};
pub(crate) use text::FromText;
pub(crate) use user_pool::user_pool;

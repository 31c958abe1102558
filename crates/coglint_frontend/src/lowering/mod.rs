//! Typing evaluated values into the model: what every front end shares. A front end reads a
//! resource's properties (a [`PropertySource`]) by the paths of one table that names each
//! property in CloudFormation and in Terraform ([`Prop`]), and hands the resource to the one
//! dispatch from its kind to its builder ([`build`]). The defaults, the parsing of values and
//! the shape of each resource are decided here once.

mod client;
mod iam;
mod identity_pool;
mod kinds;
mod prop;
mod resource;
mod source;
mod surroundings;
mod text;
mod user_pool;

pub(crate) use kinds::{build, cloudformation_kind, terraform_kind};
pub(crate) use prop::Prop;
pub(crate) use resource::Resource;
pub(crate) use source::{Element, ElementValue, Elements, PropertySource};
pub(crate) use text::FromText;

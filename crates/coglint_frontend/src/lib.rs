//! Front ends: each turns a format's located syntax tree into the Cognito model.
//!
//! Only this crate knows the formats' property names, resource types and functions
//! (CloudFormation, Terraform, Serverless, Amplify); the model and the rules never see them.

pub mod amplify;
pub mod cloudformation;
mod lowering;
pub mod serverless;
pub mod terraform;
#[cfg(test)]
mod test_support;
mod value;

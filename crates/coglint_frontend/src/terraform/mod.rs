//! Terraform (HCL): variables, tfvars, locals, expressions, instances and local modules,
//! lowered to the model. A directory of `.tf` files is one module.

mod eval;
mod functions;
mod instances;
mod lower;
mod module;
mod policy_document;
mod properties;
mod skim;
mod unread;

pub use lower::{follow_call, lower_root, CallCut, Modules, RootInputs, VarFile, MAX_MODULE_DEPTH};
pub(crate) use module::BodyRef;
pub use module::{local_module_calls, normalize, reads_block, JsonModule, LocalCall, TfFile};
pub use skim::PolicyUse;

#[cfg(test)]
mod tests;

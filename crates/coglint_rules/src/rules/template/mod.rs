//! Template correctness: what the deployment itself would reject.

pub mod invalid_enum_value;

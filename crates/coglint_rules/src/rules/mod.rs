//! Every rule, one file each, grouped by the areas of RULES.md.

pub mod client;
pub mod identity_pool;
pub mod operations;
pub mod sign_up;
pub mod template;
pub mod threat_protection;
pub mod user_pool;

//! Every rule, one file each, grouped by the areas of RULES.md.

pub mod client;
pub mod threat_protection;
pub mod user_pool;

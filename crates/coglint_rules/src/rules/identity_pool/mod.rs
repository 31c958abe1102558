//! Identity pools and their roles.

pub mod identity_pool_ambiguous_role;
pub mod identity_pool_classic_flow;
pub mod identity_pool_guest_access;
pub mod identity_pool_no_server_side_token_check;
pub mod identity_pool_role_escalation;
pub mod identity_role_too_broad;
pub mod identity_role_trust_without_amr;
pub mod identity_role_trust_without_aud;

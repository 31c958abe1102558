//! Identity pools and their roles.

pub mod identity_pool_classic_flow;
pub mod identity_pool_guest_access;
pub mod identity_pool_no_server_side_token_check;

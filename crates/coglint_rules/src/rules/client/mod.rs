//! App clients.

pub mod client_implicit_grant;
pub mod client_user_existence_errors;

//! App clients.

pub mod client_access_token_lifetime;
pub mod client_admin_scope;
pub mod client_id_token_lifetime;
pub mod client_implicit_grant;
pub mod client_insecure_redirect;
pub mod client_password_auth_flow;
pub mod client_refresh_token_lifetime;
pub mod client_refresh_token_rotation_off;
pub mod client_token_revocation_off;
pub mod client_user_existence_errors;
pub mod client_writes_authorization_attribute;

//! Operations and surroundings.

pub mod api_without_cognito_authorizer;
pub mod deletion_protection_off;
pub mod hard_coded_idp_secret;
pub mod no_log_delivery;
pub mod no_waf_association;
pub mod sms_role_without_external_id;
pub mod trigger_permission_without_source;

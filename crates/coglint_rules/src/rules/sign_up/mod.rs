//! Sign-up, recovery and attributes.

pub mod attribute_change_without_verification;
pub mod recovery_via_sms;
pub mod remembered_device_skips_mfa;
pub mod self_sign_up_enabled;
pub mod username_case_sensitive;

//! User pool: sign-in, MFA and passwords.

pub mod mfa_off;
pub mod mfa_optional;
pub mod mfa_sms_only;
pub mod mfa_without_factor;
pub mod password_character_classes;
pub mod password_history_off;
pub mod password_too_short;
pub mod temporary_password_validity;

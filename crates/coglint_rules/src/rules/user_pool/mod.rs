//! User pool: sign-in, MFA and passwords.

pub mod mfa_off;
pub mod mfa_optional;
pub mod password_character_classes;
pub mod password_too_short;
pub mod temporary_password_validity;

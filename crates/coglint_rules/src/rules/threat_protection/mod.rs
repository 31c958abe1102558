//! User pool: threat protection.

pub mod account_takeover_not_blocked;
pub mod compromised_credentials_not_blocked;
pub mod custom_auth_threat_protection;
pub mod feature_needs_higher_tier;
pub mod risk_configuration_without_effect;
pub mod risk_exception_too_broad;
pub mod threat_protection_audit_only;
pub mod threat_protection_off;

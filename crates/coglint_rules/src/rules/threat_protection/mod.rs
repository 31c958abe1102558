//! User pool: threat protection.

pub mod threat_protection_audit_only;
pub mod threat_protection_off;

//! Operations and surroundings.

pub mod deletion_protection_off;

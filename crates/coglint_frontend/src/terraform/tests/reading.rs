//! Terraform as Terraform reads it: duplicate object keys, unknowns through `try`, `can` and
//! the functions that choose among their arguments, and modules with a file that could not be
//! parsed.

use super::*;

#[test]
fn the_last_of_duplicate_object_keys_wins() {
    let text = r#"
locals {
  security = { mode = "ENFORCED", tier = "PLUS", mode = "AUDIT" }
  quoted   = { mode = "AUDIT", "mode" = "ENFORCED" }
}
resource "aws_cognito_user_pool" "a" {
  user_pool_add_ons {
    advanced_security_mode = local.security.mode
  }
}
resource "aws_cognito_user_pool" "b" {
  user_pool_add_ons {
    advanced_security_mode = local.quoted.mode
  }
}
"#;
    let m = lower(&[file(0, "root/main.tf", text)], &[], &[]);
    let audit = &m.user_pools[0].advanced_security_mode;
    assert_eq!(values(audit), vec!["Audit"]);
    // Located at the value of the later key.
    let at = audit.alternatives()[0].provenance.primary().range.start as usize;
    assert_eq!(at, text.rfind("\"AUDIT\" }").unwrap_or_default());
    assert_eq!(
        values(&m.user_pools[1].advanced_security_mode),
        vec!["Enforced"]
    );
}

# COG201 threat-protection-off must stay silent on these user pools (Terraform).

variable "security_mode_pass" {
  type    = string
  default = "ENFORCED"
}

variable "strict_pass" {
  type    = bool
  default = true
}

variable "enforce_pass" {
  type = bool
}

locals {
  security_mode_local_pass = "ENFORCED"
}

resource "aws_cognito_user_pool" "pass_enforced_pool" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool" "pass_audit" {
  name           = "audit"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name           = "variable-enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.security_mode_pass
  }
}

resource "aws_cognito_user_pool" "pass_from_local" {
  name           = "local-enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = local.security_mode_local_pass
  }
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name           = "known-condition"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.strict_pass ? "ENFORCED" : "OFF"
  }
}

resource "aws_cognito_user_pool" "pass_both_branches" {
  name           = "both-branches"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.enforce_pass ? "ENFORCED" : "AUDIT"
  }
}

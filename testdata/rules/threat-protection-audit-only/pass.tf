# COG202 threat-protection-audit-only must stay silent on these user pools (Terraform).

variable "security_mode_pass" {
  type    = string
  default = "ENFORCED"
}

variable "strict_pass" {
  type    = bool
  default = true
}

variable "protect_pass" {
  type = bool
}

resource "aws_cognito_user_pool" "pass_enforced" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool" "pass_off" {
  name = "off"
  user_pool_add_ons {
    advanced_security_mode = "OFF"
  }
}

resource "aws_cognito_user_pool" "pass_no_add_ons" {
  name = "no-add-ons"
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name           = "variable-enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.security_mode_pass
  }
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name           = "known-condition"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.strict_pass ? "ENFORCED" : "AUDIT"
  }
}

resource "aws_cognito_user_pool" "pass_both_branches" {
  name           = "both-branches"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.protect_pass ? "ENFORCED" : "OFF"
  }
}

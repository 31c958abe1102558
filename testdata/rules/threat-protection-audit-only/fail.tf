# COG202 threat-protection-audit-only must flag every fail_ user pool (Terraform).

variable "security_mode_fail" {
  type    = string
  default = "AUDIT"
}

variable "enforce_fail" {
  type = bool
}

locals {
  security_mode_local_fail = "AUDIT"
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name           = "explicit-audit"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name           = "variable-audit"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.security_mode_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name           = "local-audit"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = local.security_mode_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name           = "branch-audit"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.enforce_fail ? "ENFORCED" : "AUDIT"
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count          = 2
  name           = "counted-${count.index}"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each       = toset(["a", "b"])
  name           = "tenant-${each.key}"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0
  name  = "never-created"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "pass_omitted" {
  name = "threat-protection-off-by-default"
}

# COG201 threat-protection-off must flag every fail_ user pool (Terraform).

variable "security_mode_fail" {
  type    = string
  default = "OFF"
}

variable "protect_fail" {
  type = bool
}

locals {
  security_mode_local_fail = "OFF"
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name           = "no-add-ons"
  user_pool_tier = "PLUS"
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name = "explicit-off"
  user_pool_add_ons {
    advanced_security_mode = "OFF"
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable-off"
  user_pool_add_ons {
    advanced_security_mode = var.security_mode_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local-off"
  user_pool_add_ons {
    advanced_security_mode = local.security_mode_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name           = "branch-off"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.protect_fail ? "ENFORCED" : "OFF"
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2
  name  = "counted-${count.index}"
  user_pool_add_ons {
    advanced_security_mode = "OFF"
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0
  name  = "never-created"
}

resource "aws_cognito_user_pool" "pass_enforced" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

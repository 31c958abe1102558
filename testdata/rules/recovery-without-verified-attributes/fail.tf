# COG505 recovery-without-verified-attributes must flag every fail_ user pool (Terraform).

variable "verified_fail" {
  type    = list(string)
  default = []
}

variable "strict_fail" {
  type = bool
}

locals {
  verified_local_fail = []
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name = "legacy-recovery-nothing-verified"
}

resource "aws_cognito_user_pool" "fail_empty_list" {
  name                     = "empty-list"
  auto_verified_attributes = []
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name                     = "variable"
  auto_verified_attributes = var.verified_fail
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name                     = "local"
  auto_verified_attributes = local.verified_local_fail
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name                     = "branch"
  auto_verified_attributes = var.strict_fail ? ["email"] : []
}

resource "aws_cognito_user_pool" "pass_admin_only" {
  name = "admin-only"
  account_recovery_setting {
    recovery_mechanism {
      name     = "admin_only"
      priority = 1
    }
  }
}

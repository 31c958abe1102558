# COG001 invalid-enum-value must flag every fail_ resource (Terraform).

variable "mfa_mode_fail" {
  type    = string
  default = "optional"
}

variable "strict_fail" {
  type = bool
}

locals {
  protection_local_fail = "Audit"
}

resource "aws_cognito_user_pool" "fail_wrong_case" {
  name              = "wrong-case"
  mfa_configuration = "Off"
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name              = "variable"
  mfa_configuration = var.mfa_mode_fail
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local"
  user_pool_add_ons {
    advanced_security_mode = local.protection_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name              = "branch"
  mfa_configuration = var.strict_fail ? "ON" : "Optional"
}

resource "aws_cognito_user_pool" "fail_recovery_name" {
  name = "recovery"
  account_recovery_setting {
    recovery_mechanism {
      name     = "Verified_Email"
      priority = 1
    }
  }
}

resource "aws_cognito_user_pool_client" "fail_flow_item" {
  name                = "flows"
  user_pool_id        = aws_cognito_user_pool.pass_exact.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "allow_refresh_token_auth"]
}

resource "aws_cognito_user_pool" "pass_exact" {
  name              = "exact"
  mfa_configuration = "OFF"
}

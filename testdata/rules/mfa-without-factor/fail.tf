# COG103 mfa-without-factor must flag every fail_ user pool (Terraform).

variable "mfa_mode_fail" {
  type    = string
  default = "ON"
}

variable "totp_fail" {
  type = bool
}

locals {
  mfa_mode_local_fail = "OPTIONAL"
}

resource "aws_cognito_user_pool" "fail_required_no_factor" {
  name              = "required-no-factor"
  mfa_configuration = "ON"
}

resource "aws_cognito_user_pool" "fail_totp_disabled" {
  name              = "totp-disabled"
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = false
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name              = "from-variable"
  mfa_configuration = var.mfa_mode_fail
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name              = "from-local"
  mfa_configuration = local.mfa_mode_local_fail
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name              = "one-branch"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = var.totp_fail ? true : false
  }
}

resource "aws_cognito_user_pool" "pass_totp" {
  name              = "totp"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
}

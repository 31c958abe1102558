# COG101 mfa-off must flag every fail_ user pool (Terraform).

variable "mfa_mode_fail" {
  type    = string
  default = "OFF"
}

variable "enforce_mfa_fail" {
  type = bool
}

locals {
  mfa_mode_local_fail = "OFF"
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name = "defaults-to-off"
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name              = "explicit-off"
  mfa_configuration = "OFF"
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name              = "variable-off"
  mfa_configuration = var.mfa_mode_fail
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name              = "local-off"
  mfa_configuration = local.mfa_mode_local_fail
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name              = "branch-off"
  mfa_configuration = var.enforce_mfa_fail ? "ON" : "OFF"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "fail_in_multiline_branch" {
  name = "multiline-branch-off"
  mfa_configuration = (
    var.enforce_mfa_fail
    ? "ON"
    : "OFF"
  )

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2

  name              = "counted-${count.index}"
  mfa_configuration = "OFF"
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])

  name = "tenant-${each.key}"
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0

  name              = "never-created"
  mfa_configuration = "OFF"
}

resource "aws_cognito_user_pool" "pass_on" {
  name              = "required"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

# COG102 mfa-optional must flag every fail_ user pool (Terraform).

variable "mfa_mode_fail" {
  type    = string
  default = "OPTIONAL"
}

variable "strict_fail" {
  type    = bool
  default = false
}

variable "enforce_mfa_fail" {
  type = bool
}

locals {
  mfa_mode_local_fail = "OPTIONAL"
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name              = "explicit-optional"
  mfa_configuration = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name              = "variable-optional"
  mfa_configuration = var.mfa_mode_fail
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name              = "local-optional"
  mfa_configuration = local.mfa_mode_local_fail
}

resource "aws_cognito_user_pool" "fail_known_condition" {
  name              = "known-condition-optional"
  mfa_configuration = var.strict_fail ? "ON" : "OPTIONAL"
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name              = "branch-optional"
  mfa_configuration = var.enforce_mfa_fail ? "ON" : "OPTIONAL"
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2

  name              = "counted-${count.index}"
  mfa_configuration = "OPTIONAL"
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])

  name              = "tenant-${each.key}"
  mfa_configuration = "OPTIONAL"
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0

  name              = "never-created"
  mfa_configuration = "OPTIONAL"
}

resource "aws_cognito_user_pool" "pass_omitted" {
  name = "defaults-to-off"
}

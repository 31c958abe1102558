# COG101 mfa-off must stay silent on these user pools (Terraform).

variable "mfa_mode_pass" {
  type    = string
  default = "ON"
}

variable "strict_pass" {
  type    = bool
  default = true
}

variable "require_mfa_pass" {
  type = bool
}

locals {
  mfa_mode_local_pass = "ON"
}

resource "aws_cognito_user_pool" "pass_required" {
  name              = "required"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "pass_optional" {
  name              = "optional"
  mfa_configuration = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name              = "variable-on"
  mfa_configuration = var.mfa_mode_pass
}

resource "aws_cognito_user_pool" "pass_from_local" {
  name              = "local-on"
  mfa_configuration = local.mfa_mode_local_pass
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name              = "known-condition"
  mfa_configuration = var.strict_pass ? "ON" : "OFF"
}

resource "aws_cognito_user_pool" "pass_both_branches" {
  name              = "both-branches"
  mfa_configuration = var.require_mfa_pass ? "ON" : "OPTIONAL"
}

resource "aws_cognito_user_pool" "pass_each" {
  for_each = toset(["a", "b"])

  name              = "tenant-${each.key}"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

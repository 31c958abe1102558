# COG102 mfa-optional must stay silent on these user pools (Terraform).

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

resource "aws_cognito_user_pool" "pass_required" {
  name              = "required"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "pass_off" {
  name              = "off"
  mfa_configuration = "OFF"
}

resource "aws_cognito_user_pool" "pass_omitted_setting" {
  name = "no-mfa-setting"
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name              = "variable-on"
  mfa_configuration = var.mfa_mode_pass
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name              = "known-condition"
  mfa_configuration = var.strict_pass ? "ON" : "OPTIONAL"
}

resource "aws_cognito_user_pool" "pass_both_branches" {
  name              = "both-branches"
  mfa_configuration = var.require_mfa_pass ? "ON" : "OFF"
}

# COG102 mfa-optional cannot decide these user pools, and must stay silent (Terraform).

variable "mfa_mode_unknown" {
  type = string
}

data "aws_ssm_parameter" "mfa_unknown" {
  name = "/cognito/mfa-mode"
}

locals {
  mfa_mode_file_unknown = "${path.module}/mfa-mode.txt"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name              = "unknown-variable"
  mfa_configuration = var.mfa_mode_unknown
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name              = "unknown-data-source"
  mfa_configuration = data.aws_ssm_parameter.mfa_unknown.value
}

resource "aws_cognito_user_pool" "unknown_function" {
  name = "unknown-function"
  mfa_configuration = (
    fileexists(local.mfa_mode_file_unknown)
    ? trimspace(file(local.mfa_mode_file_unknown))
    : "ON"
  )
}

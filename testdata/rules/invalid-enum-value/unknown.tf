# COG001 invalid-enum-value cannot decide these resources, and must stay silent (Terraform).

variable "mfa_mode_unknown" {
  type = string
}

data "aws_ssm_parameter" "mfa_mode_unknown" {
  name = "/cognito/mfa-mode"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name              = "unknown-variable"
  mfa_configuration = var.mfa_mode_unknown
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name              = "unknown-data-source"
  mfa_configuration = data.aws_ssm_parameter.mfa_mode_unknown.value
}

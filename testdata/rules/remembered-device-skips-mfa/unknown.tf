# COG506 remembered-device-skips-mfa cannot decide these user pools, and must stay silent (Terraform).

variable "challenge_unknown" {
  type = bool
}

variable "mfa_unknown" {
  type = string
}

data "aws_ssm_parameter" "challenge_unknown" {
  name = "/cognito/challenge-new-devices"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name              = "unknown-variable"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = var.challenge_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name              = "unknown-data-source"
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = data.aws_ssm_parameter.challenge_unknown.value
  }
}

resource "aws_cognito_user_pool" "unknown_mfa" {
  name              = "unknown-mfa"
  mfa_configuration = var.mfa_unknown
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = true
  }
}

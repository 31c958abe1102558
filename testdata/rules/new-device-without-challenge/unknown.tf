# COG506 new-device-without-challenge cannot decide these user pools, and must stay silent (Terraform).

variable "challenge_unknown" {
  type = bool
}

data "aws_ssm_parameter" "challenge_unknown" {
  name = "/cognito/challenge-new-devices"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  device_configuration {
    challenge_required_on_new_device = var.challenge_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name = "unknown-data-source"
  device_configuration {
    challenge_required_on_new_device = data.aws_ssm_parameter.challenge_unknown.value
  }
}

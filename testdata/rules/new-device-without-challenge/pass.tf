# COG506 new-device-without-challenge must stay silent on these user pools (Terraform).

variable "challenge_pass" {
  type    = bool
  default = true
}

resource "aws_cognito_user_pool" "pass_challenged" {
  name = "challenged"
  device_configuration {
    challenge_required_on_new_device      = true
    device_only_remembered_on_user_prompt = true
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "variable-challenged"
  device_configuration {
    challenge_required_on_new_device = var.challenge_pass
  }
}

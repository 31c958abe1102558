# COG506 remembered-device-skips-mfa must stay silent on these user pools (Terraform).

variable "challenge_pass" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "pass_no_device_remembering" {
  name              = "no-devices"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
}

# The old rule (new-device-without-challenge) flagged the two pools below, which do what AWS
# documents as the stricter setting: every sign-in asks for the second factor.
resource "aws_cognito_user_pool" "pass_challenge_false" {
  name              = "challenge-false"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device      = false
    device_only_remembered_on_user_prompt = true
  }
}

resource "aws_cognito_user_pool" "pass_challenge_omitted" {
  name              = "challenge-omitted"
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    device_only_remembered_on_user_prompt = true
  }
}

resource "aws_cognito_user_pool" "pass_mfa_off_explicit" {
  name              = "mfa-off"
  mfa_configuration = "OFF"
  device_configuration {
    challenge_required_on_new_device = true
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name              = "variable"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = var.challenge_pass
  }
}

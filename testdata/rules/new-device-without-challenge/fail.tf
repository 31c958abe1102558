# COG506 new-device-without-challenge must flag every fail_ user pool (Terraform).

variable "challenge_fail" {
  type    = bool
  default = false
}

variable "strict_fail" {
  type = bool
}

locals {
  challenge_local_fail = false
}

resource "aws_cognito_user_pool" "fail_challenge_omitted" {
  name = "challenge-omitted"
  device_configuration {
    device_only_remembered_on_user_prompt = true
  }
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name = "explicit-no-challenge"
  device_configuration {
    challenge_required_on_new_device      = false
    device_only_remembered_on_user_prompt = false
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable-no-challenge"
  device_configuration {
    challenge_required_on_new_device = var.challenge_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local-no-challenge"
  device_configuration {
    challenge_required_on_new_device = local.challenge_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "branch-no-challenge"
  device_configuration {
    challenge_required_on_new_device = var.strict_fail ? true : false
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
  device_configuration {
    device_only_remembered_on_user_prompt = true
  }
}

resource "aws_cognito_user_pool" "pass_no_device_remembering" {
  name = "no-devices"
}

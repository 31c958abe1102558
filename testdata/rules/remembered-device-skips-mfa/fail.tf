# COG506 remembered-device-skips-mfa must flag every fail_ user pool (Terraform).

variable "challenge_fail" {
  type    = bool
  default = true
}

variable "strict_fail" {
  type = bool
}

locals {
  challenge_local_fail = true
}

resource "aws_cognito_user_pool" "fail_mfa_on" {
  name              = "mfa-on"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device      = true
    device_only_remembered_on_user_prompt = true
  }
}

resource "aws_cognito_user_pool" "fail_mfa_optional" {
  name              = "mfa-optional"
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = true
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name              = "variable"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = var.challenge_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name              = "local"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = local.challenge_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name              = "branch"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = var.strict_fail ? false : true
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each          = toset(["a", "b"])
  name              = "tenant-${each.key}"
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }
  device_configuration {
    challenge_required_on_new_device = true
  }
}

resource "aws_cognito_user_pool" "pass_mfa_off" {
  name = "mfa-off"
  device_configuration {
    challenge_required_on_new_device = true
  }
}

# COG104 mfa-sms-only must flag every fail_ user pool (Terraform).

variable "sms_role_arn_fail" {
  type    = string
  default = "arn:aws:iam::111111111111:role/cognito-sms"
}

variable "totp_fail" {
  type = bool
}

locals {
  totp_local_fail = false
}

resource "aws_cognito_user_pool" "fail_sms_only" {
  name              = "sms-only"
  mfa_configuration = "ON"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_fail
  }
}

resource "aws_cognito_user_pool" "fail_totp_disabled" {
  name              = "totp-disabled"
  mfa_configuration = "OPTIONAL"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_fail
  }
  software_token_mfa_configuration {
    enabled = local.totp_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name              = "one-branch"
  mfa_configuration = "ON"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_fail
  }
  software_token_mfa_configuration {
    enabled = var.totp_fail ? true : false
  }
}

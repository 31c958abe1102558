# COG104 mfa-sms-only must stay silent on these user pools (Terraform).

variable "sms_role_arn_pass" {
  type    = string
  default = "arn:aws:iam::111111111111:role/cognito-sms"
}

resource "aws_cognito_user_pool" "pass_totp_too" {
  name              = "totp-too"
  mfa_configuration = "ON"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_pass
  }
  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "pass_email_too" {
  name              = "email-too"
  mfa_configuration = "OPTIONAL"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_pass
  }
  email_mfa_configuration {
    subject = "Your sign-in code"
  }
}

resource "aws_cognito_user_pool" "pass_mfa_off" {
  name              = "off"
  mfa_configuration = "OFF"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_pass
  }
}

# COG103 mfa-without-factor must stay silent on these user pools (Terraform).

variable "sms_role_arn_pass" {
  type    = string
  default = "arn:aws:iam::111111111111:role/cognito-sms"
}

resource "aws_cognito_user_pool" "pass_sms_configuration" {
  name              = "sms"
  mfa_configuration = "OPTIONAL"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = var.sms_role_arn_pass
  }
}

resource "aws_cognito_user_pool" "pass_email" {
  name              = "email"
  mfa_configuration = "ON"
  user_pool_tier    = "ESSENTIALS"
  email_mfa_configuration {
    subject = "Your sign-in code"
  }
}

resource "aws_cognito_user_pool" "pass_dynamic_sms" {
  name              = "dynamic-sms"
  mfa_configuration = "ON"
  dynamic "sms_configuration" {
    for_each = [var.sms_role_arn_pass]
    content {
      external_id    = "cognito-sms"
      sns_caller_arn = sms_configuration.value
    }
  }
}

resource "aws_cognito_user_pool" "pass_mfa_off" {
  name              = "off"
  mfa_configuration = "OFF"
}

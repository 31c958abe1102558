# COG502 recovery-via-sms cannot decide these user pools, and must stay silent (Terraform).

variable "recovery_name_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  account_recovery_setting {
    recovery_mechanism {
      name     = var.recovery_name_unknown
      priority = 1
    }
  }
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

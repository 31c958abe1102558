# COG104 mfa-sms-only cannot decide these user pools, and must stay silent (Terraform).

variable "totp_unknown" {
  type = bool
}

resource "aws_cognito_user_pool" "unknown_totp" {
  name              = "unknown-totp"
  mfa_configuration = "ON"
  sms_configuration {
    external_id    = "cognito-sms"
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
  }
  software_token_mfa_configuration {
    enabled = var.totp_unknown
  }
}

# COG606 sms-role-without-external-id cannot decide these user pools, and must stay silent (Terraform).

variable "sms_external_id_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::123456789012:role/cognito-sms"
    external_id    = var.sms_external_id_unknown
  }
}

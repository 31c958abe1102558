variable "mfa" {
  type = string
}

resource "aws_cognito_user_pool" "main" {
  name              = "auth"
  mfa_configuration = var.mfa
}

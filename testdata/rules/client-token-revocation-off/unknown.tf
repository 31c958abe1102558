# COG307 client-token-revocation-off cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "revocation_unknown" {
  type = bool
}

data "aws_ssm_parameter" "revocation_unknown" {
  name = "/cognito/enable-token-revocation"
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name                    = "unknown-variable"
  user_pool_id            = aws_cognito_user_pool.main_unknown.id
  enable_token_revocation = var.revocation_unknown
}

resource "aws_cognito_user_pool_client" "unknown_data_source" {
  name                    = "unknown-data-source"
  user_pool_id            = aws_cognito_user_pool.main_unknown.id
  enable_token_revocation = data.aws_ssm_parameter.revocation_unknown.value
}

# COG306 client-refresh-token-lifetime cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "refresh_days_unknown" {
  type = number
}

data "aws_ssm_parameter" "refresh_unit_unknown" {
  name = "/cognito/refresh-token-unit"
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name                   = "unknown-variable"
  user_pool_id           = aws_cognito_user_pool.main_unknown.id
  refresh_token_validity = var.refresh_days_unknown
}

resource "aws_cognito_user_pool_client" "unknown_unit" {
  name                   = "unknown-unit"
  user_pool_id           = aws_cognito_user_pool.main_unknown.id
  refresh_token_validity = 30
  token_validity_units {
    refresh_token = data.aws_ssm_parameter.refresh_unit_unknown.value
  }
}

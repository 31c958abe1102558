# COG304 client-access-token-lifetime must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "access_token_minutes_pass" {
  type    = number
  default = 30
}

resource "aws_cognito_user_pool_client" "pass_omitted" {
  name         = "defaults"
  user_pool_id = aws_cognito_user_pool.main_pass.id
}

resource "aws_cognito_user_pool_client" "pass_one_hour" {
  name                 = "one-hour"
  user_pool_id         = aws_cognito_user_pool.main_pass.id
  access_token_validity = 1
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                 = "variable-minutes"
  user_pool_id         = aws_cognito_user_pool.main_pass.id
  access_token_validity = var.access_token_minutes_pass
  token_validity_units {
    access_token = "minutes"
  }
}

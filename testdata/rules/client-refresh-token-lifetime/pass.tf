# COG306 client-refresh-token-lifetime must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "refresh_days_pass" {
  type    = number
  default = 7
}

resource "aws_cognito_user_pool_client" "pass_seven_days" {
  name                   = "seven-days"
  user_pool_id           = aws_cognito_user_pool.main_pass.id
  refresh_token_validity = 7
}

resource "aws_cognito_user_pool_client" "pass_hours" {
  name                   = "twelve-hours"
  user_pool_id           = aws_cognito_user_pool.main_pass.id
  refresh_token_validity = 12
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "hours"
  }
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                   = "variable-days"
  user_pool_id           = aws_cognito_user_pool.main_pass.id
  refresh_token_validity = var.refresh_days_pass
}

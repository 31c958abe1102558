# COG306 client-refresh-token-lifetime must flag every fail_ app client (Terraform; threshold 7 days).

variable "refresh_days_fail" {
  type    = number
  default = 30
}

variable "remember_me_fail" {
  type = bool
}

locals {
  refresh_days_local_fail = 60
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_omitted" {
  name         = "defaults"
  user_pool_id = aws_cognito_user_pool.main.id
}

resource "aws_cognito_user_pool_client" "fail_ninety_days" {
  name                   = "ninety-days"
  user_pool_id           = aws_cognito_user_pool.main.id
  refresh_token_validity = 90
}

resource "aws_cognito_user_pool_client" "fail_hours" {
  name                   = "ten-days-in-hours"
  user_pool_id           = aws_cognito_user_pool.main.id
  refresh_token_validity = 240
  token_validity_units {
    refresh_token = "hours"
  }
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                   = "variable-days"
  user_pool_id           = aws_cognito_user_pool.main.id
  refresh_token_validity = var.refresh_days_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name                   = "local-days"
  user_pool_id           = aws_cognito_user_pool.main.id
  refresh_token_validity = local.refresh_days_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                   = "branch-days"
  user_pool_id           = aws_cognito_user_pool.main.id
  refresh_token_validity = var.remember_me_fail ? 365 : 1
}

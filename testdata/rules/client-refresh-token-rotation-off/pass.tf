# COG308 client-refresh-token-rotation-off must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "rotation_pass" {
  type    = string
  default = "ENABLED"
}

resource "aws_cognito_user_pool_client" "pass_enabled" {
  name         = "rotation-on"
  user_pool_id = aws_cognito_user_pool.main_pass.id
  refresh_token_rotation {
    feature                    = "ENABLED"
    retry_grace_period_seconds = 10
  }
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name         = "variable-rotation"
  user_pool_id = aws_cognito_user_pool.main_pass.id
  refresh_token_rotation {
    feature = var.rotation_pass
  }
}

# COG308 client-refresh-token-rotation-off cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "rotation_unknown" {
  type = string
}

data "aws_ssm_parameter" "rotation_unknown" {
  name = "/cognito/refresh-token-rotation"
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name         = "unknown-variable"
  user_pool_id = aws_cognito_user_pool.main_unknown.id
  refresh_token_rotation {
    feature = var.rotation_unknown
  }
}

resource "aws_cognito_user_pool_client" "unknown_data_source" {
  name         = "unknown-data-source"
  user_pool_id = aws_cognito_user_pool.main_unknown.id
  refresh_token_rotation {
    feature = data.aws_ssm_parameter.rotation_unknown.value
  }
}

# COG310 client-admin-scope cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "scopes_unknown" {
  type = list(string)
}

data "aws_ssm_parameter" "extra_scope_unknown" {
  name = "/cognito/extra-oauth-scope"
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name                 = "unknown-variable"
  user_pool_id         = aws_cognito_user_pool.main_unknown.id
  allowed_oauth_scopes = var.scopes_unknown
}

resource "aws_cognito_user_pool_client" "unknown_data_source_item" {
  name                 = "unknown-data-source-item"
  user_pool_id         = aws_cognito_user_pool.main_unknown.id
  allowed_oauth_scopes = ["openid", data.aws_ssm_parameter.extra_scope_unknown.value]
}

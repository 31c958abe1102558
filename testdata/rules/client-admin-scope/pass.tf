# COG310 client-admin-scope must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "scopes_pass" {
  type    = list(string)
  default = ["openid", "email"]
}

resource "aws_cognito_user_pool_client" "pass_no_oauth" {
  name         = "no-oauth"
  user_pool_id = aws_cognito_user_pool.main_pass.id
}

resource "aws_cognito_user_pool_client" "pass_openid_scopes" {
  name                 = "openid"
  user_pool_id         = aws_cognito_user_pool.main_pass.id
  allowed_oauth_flows  = ["code"]
  allowed_oauth_scopes = ["openid", "email", "profile"]
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                 = "variable-scopes"
  user_pool_id         = aws_cognito_user_pool.main_pass.id
  allowed_oauth_scopes = var.scopes_pass
}

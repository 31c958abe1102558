# COG303 client-password-auth-flow must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "auth_flows_pass" {
  type    = list(string)
  default = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

resource "aws_cognito_user_pool_client" "pass_omitted" {
  name         = "defaults"
  user_pool_id = aws_cognito_user_pool.main_pass.id
}

resource "aws_cognito_user_pool_client" "pass_srp" {
  name                = "srp"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                = "variable-flows"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  explicit_auth_flows = var.auth_flows_pass
}

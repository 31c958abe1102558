# COG303 client-password-auth-flow cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "auth_flows_unknown" {
  type = list(string)
}

variable "client_secret_unknown" {
  type = bool
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name                = "unknown-variable"
  user_pool_id        = aws_cognito_user_pool.main_unknown.id
  explicit_auth_flows = var.auth_flows_unknown
}

resource "aws_cognito_user_pool_client" "unknown_secret" {
  name                = "unknown-secret"
  user_pool_id        = aws_cognito_user_pool.main_unknown.id
  generate_secret     = var.client_secret_unknown
  explicit_auth_flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"]
}

# COG303 client-password-auth-flow must flag every fail_ app client (Terraform).

variable "auth_flows_fail" {
  type    = list(string)
  default = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"]
}

variable "migrating_users_fail" {
  type = bool
}

locals {
  auth_flows_local_fail = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_user_password" {
  name         = "password-flow"
  user_pool_id = aws_cognito_user_pool.main.id
  explicit_auth_flows = [
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]
}

resource "aws_cognito_user_pool_client" "fail_admin_without_secret" {
  name                = "admin-flow"
  user_pool_id        = aws_cognito_user_pool.main.id
  explicit_auth_flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                = "variable-flows"
  user_pool_id        = aws_cognito_user_pool.main.id
  explicit_auth_flows = var.auth_flows_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name                = "local-flows"
  user_pool_id        = aws_cognito_user_pool.main.id
  explicit_auth_flows = local.auth_flows_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                = "branch-flows"
  user_pool_id        = aws_cognito_user_pool.main.id
  explicit_auth_flows = var.migrating_users_fail ? ["ALLOW_USER_PASSWORD_AUTH"] : ["ALLOW_USER_SRP_AUTH"]
}

resource "aws_cognito_user_pool_client" "pass_admin_with_secret" {
  name                = "backend"
  user_pool_id        = aws_cognito_user_pool.main.id
  generate_secret     = true
  explicit_auth_flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

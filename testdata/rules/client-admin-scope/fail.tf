# COG310 client-admin-scope must flag every fail_ app client (Terraform).

variable "scopes_fail" {
  type    = list(string)
  default = ["openid", "aws.cognito.signin.user.admin"]
}

variable "self_service_fail" {
  type = bool
}

locals {
  scopes_local_fail = ["email", "openid", "aws.cognito.signin.user.admin"]
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_admin_scope" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.main.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes = [
    "openid",
    "aws.cognito.signin.user.admin",
  ]
  callback_urls = ["https://app.example.org/callback"]
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                 = "variable-scopes"
  user_pool_id         = aws_cognito_user_pool.main.id
  allowed_oauth_scopes = var.scopes_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name                 = "local-scopes"
  user_pool_id         = aws_cognito_user_pool.main.id
  allowed_oauth_scopes = local.scopes_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                 = "branch-scopes"
  user_pool_id         = aws_cognito_user_pool.main.id
  allowed_oauth_scopes = var.self_service_fail ? ["openid", "aws.cognito.signin.user.admin"] : ["openid"]
}

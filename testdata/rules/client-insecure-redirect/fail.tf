# COG309 client-insecure-redirect must flag every fail_ app client (Terraform).

variable "callback_urls_fail" {
  type    = list(string)
  default = ["http://staging.example.org/callback"]
}

variable "use_tls_fail" {
  type = bool
}

locals {
  logout_url_local_fail = "http://app.example.org/signed-out"
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_http_callback" {
  name                = "http-callback"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = ["code"]
  callback_urls = [
    "https://app.example.org/callback",
    "http://app.example.org/callback",
  ]
}

resource "aws_cognito_user_pool_client" "fail_http_default_redirect" {
  name                 = "http-default-redirect"
  user_pool_id         = aws_cognito_user_pool.main.id
  callback_urls        = ["https://app.example.org/callback"]
  default_redirect_uri = "http://app.example.org/callback"
}

resource "aws_cognito_user_pool_client" "fail_placeholder" {
  name          = "placeholder"
  user_pool_id  = aws_cognito_user_pool.main.id
  callback_urls = ["https://example.com/"]
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name          = "variable-callbacks"
  user_pool_id  = aws_cognito_user_pool.main.id
  callback_urls = var.callback_urls_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name         = "local-logout"
  user_pool_id = aws_cognito_user_pool.main.id
  logout_urls  = [local.logout_url_local_fail]
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name          = "branch-callbacks"
  user_pool_id  = aws_cognito_user_pool.main.id
  callback_urls = [var.use_tls_fail ? "https://app.example.org/callback" : "http://app.example.org/callback"]
}

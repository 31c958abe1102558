# COG309 client-insecure-redirect must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "callback_urls_pass" {
  type    = list(string)
  default = ["https://app.example.org/callback", "http://localhost:3000/callback"]
}

resource "aws_cognito_user_pool_client" "pass_https" {
  name                 = "https"
  user_pool_id         = aws_cognito_user_pool.main_pass.id
  callback_urls        = ["https://app.example.org/callback"]
  logout_urls          = ["https://app.example.org/signed-out"]
  default_redirect_uri = "https://app.example.org/callback"
}

resource "aws_cognito_user_pool_client" "pass_loopback" {
  name          = "local-development"
  user_pool_id  = aws_cognito_user_pool.main_pass.id
  callback_urls = ["http://localhost:3000/callback", "http://127.0.0.1:8080/callback", "http://[::1]/callback"]
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name          = "variable-callbacks"
  user_pool_id  = aws_cognito_user_pool.main_pass.id
  callback_urls = var.callback_urls_pass
}

# COG309 client-insecure-redirect cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "callback_urls_unknown" {
  type = list(string)
}

variable "redirect_uri_unknown" {
  type = string
}

resource "aws_cognito_user_pool_client" "unknown_callbacks" {
  name          = "unknown-callbacks"
  user_pool_id  = aws_cognito_user_pool.main_unknown.id
  callback_urls = var.callback_urls_unknown
}

resource "aws_cognito_user_pool_client" "unknown_default_redirect" {
  name                 = "unknown-default-redirect"
  user_pool_id         = aws_cognito_user_pool.main_unknown.id
  default_redirect_uri = var.redirect_uri_unknown
}

variable "existence_errors" {
  type    = string
  default = "LEGACY" # from the old console setup
}

resource "aws_cognito_user_pool" "pool" {
  name = "shop"

  password_policy {
    require_uppercase = true
    require_lowercase = true
    require_numbers   = true
    require_symbols   = true
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code", "implicit"]
  callback_urls                        = ["https://app.example.org/callback"]
  prevent_user_existence_errors        = var.existence_errors
  enable_token_revocation              = false
}

resource "aws_cognito_user_pool_client" "mobile" {
  name                          = "mobile"
  user_pool_id                  = aws_cognito_user_pool.pool.id
  prevent_user_existence_errors = var.existence_errors
  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]
}

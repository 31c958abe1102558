variable "existence_errors" {
  type    = string
  default = "ENABLED" # from the old console setup
}

resource "aws_cognito_user_pool" "pool" {
  name = "shop"

  password_policy {
    require_uppercase = true
    require_lowercase = true
    require_numbers   = true
    require_symbols   = true
    minimum_length    = 14
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }
  deletion_protection = "ACTIVE"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  callback_urls                        = ["https://app.example.org/callback"]
  prevent_user_existence_errors        = var.existence_errors
  enable_token_revocation              = true
}

resource "aws_cognito_user_pool_client" "mobile" {
  name                          = "mobile"
  user_pool_id                  = aws_cognito_user_pool.pool.id
  prevent_user_existence_errors = var.existence_errors
  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]
}

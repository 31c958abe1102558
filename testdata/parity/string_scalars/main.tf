# Parity case `string_scalars` - numbers and booleans of the password policy written as strings
# (CloudFormation and Terraform both convert them).

resource "aws_cognito_user_pool" "user_pool" {
  name              = "string-scalars"
  mfa_configuration = "ON"
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = "true"
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  password_policy {
    minimum_length                   = "10"
    require_uppercase                = "true"
    require_lowercase                = "true"
    require_numbers                  = "false"
    require_symbols                  = "true"
    temporary_password_validity_days = "3"
  }
}

resource "aws_cognito_user_pool_client" "app_client" {
  name                                 = "app"
  user_pool_id                         = aws_cognito_user_pool.user_pool.id
  prevent_user_existence_errors        = "ENABLED"
  allowed_oauth_flows_user_pool_client = "true"
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

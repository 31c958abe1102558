# Parity case `optional_blocks` - `dynamic` blocks with an empty `for_each` in one branch of a
# variable without default (the CloudFormation version removes whole property objects with
# AWS::NoValue); AWS's defaults apply there.

variable "is_eu" {
  type = bool
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "optional-blocks"
  mfa_configuration = "ON"
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  dynamic "user_pool_add_ons" {
    for_each = var.is_eu ? [1] : []
    content {
      advanced_security_mode = "ENFORCED"
    }
  }

  dynamic "password_policy" {
    for_each = var.is_eu ? [1] : []
    content {
      minimum_length                   = 14
      require_uppercase                = true
      require_lowercase                = true
      require_numbers                  = true
      require_symbols                  = true
      temporary_password_validity_days = 1
    }
  }
}

resource "aws_cognito_user_pool_client" "app_client" {
  name                                 = "app"
  user_pool_id                         = aws_cognito_user_pool.user_pool.id
  prevent_user_existence_errors        = "ENABLED"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

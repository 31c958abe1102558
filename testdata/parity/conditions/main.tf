# Parity case `conditions` - values chosen by a variable without default (the CloudFormation
# version uses a condition the analyzer cannot decide); one branch fails, or both do.

variable "is_eu" {
  type = bool
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "conditions"
  mfa_configuration = var.is_eu ? "ON" : "OFF"
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = var.is_eu ? "ENFORCED" : "ENFORCED"
  }

  password_policy {
    minimum_length                   = var.is_eu ? 16 : 8
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = var.is_eu ? 3 : 7
  }
}

resource "aws_cognito_user_pool_client" "app_client" {
  name                                 = "app"
  user_pool_id                         = aws_cognito_user_pool.user_pool.id
  prevent_user_existence_errors        = var.is_eu ? "ENABLED" : "LEGACY"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = var.is_eu ? ["code"] : ["code", "implicit"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

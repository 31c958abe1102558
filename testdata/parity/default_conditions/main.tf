# Parity case `default_conditions` - a conditional decided by a variable's default (the
# CloudFormation version uses a parameter's default); the chosen branch fails, so the findings
# always hold.

variable "strict" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "default-conditions"
  mfa_configuration = var.strict ? "ON" : "OFF"
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  password_policy {
    minimum_length                   = var.strict ? 16 : 10
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 1
  }
}

resource "aws_cognito_user_pool_client" "app_client" {
  name                                 = "app"
  user_pool_id                         = aws_cognito_user_pool.user_pool.id
  prevent_user_existence_errors        = var.strict ? "ENABLED" : "LEGACY"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

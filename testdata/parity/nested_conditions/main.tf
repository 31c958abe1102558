# Parity case `nested_conditions` - nested conditionals, `!` and `&&` on variables without
# default (the CloudFormation version uses nested Fn::If, Fn::Not and Fn::And on undecidable
# conditions, and a list item removed in one branch).

variable "is_eu" {
  type = bool
}

variable "is_prod" {
  type = bool
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "nested-conditions"
  mfa_configuration = var.is_eu ? (var.is_prod ? "ON" : "OPTIONAL") : "ON"
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = !var.is_eu ? "AUDIT" : "ENFORCED"
  }

  password_policy {
    minimum_length                   = var.is_eu && var.is_prod ? 14 : 10
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
  prevent_user_existence_errors        = "ENABLED"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = var.is_eu ? ["code"] : ["code", "implicit"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

# Parity case `parameters` - weak values come from variable defaults (the CloudFormation
# version uses parameter defaults); everything else is hardened.

variable "mfa_mode" {
  type    = string
  default = "OFF"
}

variable "min_length" {
  type    = number
  default = 10
}

variable "existence_errors" {
  type    = string
  default = "LEGACY"
}

variable "flows" {
  type    = list(string)
  default = ["code", "implicit"]
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "parameters"
  mfa_configuration = var.mfa_mode
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  password_policy {
    minimum_length                   = var.min_length
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
  prevent_user_existence_errors        = var.existence_errors
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = var.flows
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

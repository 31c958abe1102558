# The same sign-in stack in Terraform: `coglint check examples/` reads this module too.

variable "environment" {
  type    = string
  default = "dev"
}

variable "callback_urls" {
  type    = list(string)
  default = ["https://shop.example.org/callback"]
}

locals {
  is_prod = var.environment == "prod"
}

resource "aws_cognito_user_pool" "users" {
  name              = "shop-${var.environment}-users"
  user_pool_tier    = "PLUS"
  mfa_configuration = local.is_prod ? "ON" : "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 12
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 1
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.users.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = var.callback_urls
  supported_identity_providers         = ["COGNITO"]
}

# Parity case `computed` - weak values computed from a local map, an index, join and split (the
# CloudFormation version uses Fn::FindInMap, Fn::Select, Fn::Join and Fn::Split).

locals {
  settings = {
    pool = {
      mfa    = "OPTIONAL"
      length = 8
    }
  }
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "computed"
  mfa_configuration = local.settings["pool"]["mfa"]
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = ["ENFORCED", "AUDIT"][1]
  }

  password_policy {
    minimum_length                   = lookup(local.settings.pool, "length")
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
  prevent_user_existence_errors        = join("", ["LEG", "ACY"])
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = split(",", "code,implicit")
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

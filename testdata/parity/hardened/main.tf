# Parity case `hardened` - every checked setting is at its secure value; no findings.

resource "aws_cognito_user_pool" "user_pool" {
  name              = "hardened"
  mfa_configuration = "ON"
  user_pool_tier    = "PLUS"

  software_token_mfa_configuration {
    enabled = true
  }

  deletion_protection = "ACTIVE"

  username_configuration {
    case_sensitive = false
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]

  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  password_policy {
    minimum_length                   = 14
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 1
    password_history_size            = 12
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
  refresh_token_validity               = 7
  refresh_token_rotation {
    feature = "ENABLED"
  }
}

resource "aws_wafv2_web_acl_association" "web_acl_association" {
  resource_arn = aws_cognito_user_pool.user_pool.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd"
}

resource "aws_cognito_log_delivery_configuration" "log_delivery" {
  user_pool_id = aws_cognito_user_pool.user_pool.id
  log_configurations {
    event_source = "userAuthEvents"
    log_level    = "INFO"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::example-cognito-logs"
    }
  }
}

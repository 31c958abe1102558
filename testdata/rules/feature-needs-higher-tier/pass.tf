# COG204 feature-needs-higher-tier must stay silent on these user pools (Terraform).

variable "tier_pass" {
  type    = string
  default = "PLUS"
}

resource "aws_cognito_user_pool" "pass_plus" {
  name           = "plus"
  user_pool_tier = var.tier_pass
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool" "pass_essentials_features" {
  name              = "essentials"
  user_pool_tier    = "ESSENTIALS"
  mfa_configuration = "ON"
  email_mfa_configuration {
    subject = "Your sign-in code"
  }
  password_policy {
    password_history_size = 12
  }
  sign_in_policy {
    allowed_first_auth_factors = ["PASSWORD", "WEB_AUTHN"]
  }
}

resource "aws_cognito_user_pool" "pass_lite_without_extras" {
  name           = "lite"
  user_pool_tier = "LITE"
  user_pool_add_ons {
    advanced_security_mode = "OFF"
  }
  sign_in_policy {
    allowed_first_auth_factors = ["PASSWORD"]
  }
}

resource "aws_cognito_log_delivery_configuration" "pass_notification_logs_on_lite" {
  user_pool_id = aws_cognito_user_pool.pass_lite_without_extras.id
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
  }
}

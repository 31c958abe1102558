# COG204 feature-needs-higher-tier must flag every fail_ user pool (Terraform).

variable "tier_fail" {
  type    = string
  default = "LITE"
}

variable "production_fail" {
  type = bool
}

locals {
  tier_local_fail = "ESSENTIALS"
}

resource "aws_cognito_user_pool" "fail_threat_protection_tier_omitted" {
  name = "tier-omitted"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool" "fail_audit_from_local_tier" {
  name           = "local-tier"
  user_pool_tier = local.tier_local_fail
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "fail_history_on_lite" {
  name           = "history-on-lite"
  user_pool_tier = "LITE"
  password_policy {
    minimum_length        = 14
    password_history_size = 12
  }
}

resource "aws_cognito_user_pool" "fail_email_mfa_on_lite" {
  name              = "email-mfa-on-lite"
  user_pool_tier    = var.tier_fail
  mfa_configuration = "OPTIONAL"
  email_mfa_configuration {
    subject = "Your sign-in code"
  }
}

resource "aws_cognito_user_pool" "fail_passkeys_on_lite" {
  name           = "passkeys-on-lite"
  user_pool_tier = "LITE"
  sign_in_policy {
    allowed_first_auth_factors = ["PASSWORD", "WEB_AUTHN"]
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name           = "one-branch"
  user_pool_tier = var.production_fail ? "PLUS" : "ESSENTIALS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

# Resources attached to a pool without the PLUS tier (ESSENTIALS when omitted).
resource "aws_cognito_user_pool" "tier_omitted" {
  name = "tier-omitted"
}

resource "aws_cognito_risk_configuration" "fail_risk_configuration_tier_omitted" {
  user_pool_id = aws_cognito_user_pool.tier_omitted.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_log_delivery_configuration" "fail_user_activity_logs_tier_omitted" {
  user_pool_id = aws_cognito_user_pool.tier_omitted.id
  log_configurations {
    event_source = "userAuthEvents"
    log_level    = "INFO"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::example-cognito-logs"
    }
  }
}

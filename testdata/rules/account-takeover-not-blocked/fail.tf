# COG206 account-takeover-not-blocked must flag every fail_ risk configuration (Terraform).

variable "high_risk_action_fail" {
  type    = string
  default = "MFA_REQUIRED"
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_user_pool" "enforced" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_risk_configuration" "fail_high_mfa_if_configured" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  account_takeover_risk_configuration {
    notify_configuration {
      source_arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    }
    actions {
      high_action {
        event_action = "MFA_IF_CONFIGURED"
        notify       = true
      }
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_medium_no_action" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  account_takeover_risk_configuration {
    notify_configuration {
      source_arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    }
    actions {
      high_action {
        event_action = "BLOCK"
        notify       = true
      }
      medium_action {
        event_action = "NO_ACTION"
        notify       = false
      }
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_from_variable" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  account_takeover_risk_configuration {
    notify_configuration {
      source_arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    }
    actions {
      high_action {
        event_action = var.high_risk_action_fail
        notify       = true
      }
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_in_one_branch" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  account_takeover_risk_configuration {
    notify_configuration {
      source_arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    }
    actions {
      high_action {
        event_action = var.strict_fail ? "BLOCK" : "NO_ACTION"
        notify       = true
      }
    }
  }
}

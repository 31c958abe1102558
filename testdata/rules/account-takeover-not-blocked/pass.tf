# COG206 account-takeover-not-blocked must stay silent on these risk configurations (Terraform).

resource "aws_cognito_user_pool" "enforced_pass" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

variable "high_risk_action_pass" {
  type    = string
  default = "BLOCK"
}

resource "aws_cognito_risk_configuration" "pass_block_and_mfa" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
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
        event_action = "MFA_REQUIRED"
        notify       = true
      }
    }
  }
}

resource "aws_cognito_risk_configuration" "pass_from_variable" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  client_id    = "1example23456789"
  account_takeover_risk_configuration {
    notify_configuration {
      source_arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    }
    actions {
      high_action {
        event_action = var.high_risk_action_pass
        notify       = true
      }
    }
  }
}

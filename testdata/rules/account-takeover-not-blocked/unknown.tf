# COG206 account-takeover-not-blocked cannot decide these risk configurations, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "enforced_unknown" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

variable "high_risk_action_unknown" {
  type = string
}

resource "aws_cognito_risk_configuration" "unknown_variable" {
  user_pool_id = aws_cognito_user_pool.enforced_unknown.id
  account_takeover_risk_configuration {
    notify_configuration {
      source_arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    }
    actions {
      high_action {
        event_action = var.high_risk_action_unknown
        notify       = true
      }
    }
  }
}

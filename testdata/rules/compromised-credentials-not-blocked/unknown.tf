# COG205 compromised-credentials-not-blocked cannot decide these risk configurations, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "enforced_unknown" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

variable "compromised_action_unknown" {
  type = string
}

resource "aws_cognito_risk_configuration" "unknown_variable" {
  user_pool_id = aws_cognito_user_pool.enforced_unknown.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = var.compromised_action_unknown
    }
  }
}

# COG208 risk-configuration-without-effect must stay silent on these risk configurations (Terraform).

resource "aws_cognito_user_pool" "enforced" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_risk_configuration" "pass_enforced" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

# COG205 compromised-credentials-not-blocked must stay silent on these risk configurations (Terraform).

resource "aws_cognito_user_pool" "enforced_pass" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

variable "compromised_action_pass" {
  type    = string
  default = "BLOCK"
}

resource "aws_cognito_risk_configuration" "pass_block" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  compromised_credentials_risk_configuration {
    event_filter = ["SIGN_IN"]
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "pass_from_variable" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  client_id    = "1example23456789"
  compromised_credentials_risk_configuration {
    actions {
      event_action = var.compromised_action_pass
    }
  }
}

resource "aws_cognito_risk_configuration" "pass_no_compromised_section" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  risk_exception_configuration {
    blocked_ip_range_list = ["198.51.100.0/24"]
  }
}

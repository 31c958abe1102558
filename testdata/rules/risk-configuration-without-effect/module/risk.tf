# Risk configurations of the pools in pools.tf: only the one on the AUDIT pool is without effect.

resource "aws_cognito_risk_configuration" "fail_pool_audit" {
  user_pool_id = aws_cognito_user_pool.audit.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "pass_pool_enforced" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

# COG205 compromised-credentials-not-blocked must flag every fail_ risk configuration (Terraform).

variable "compromised_action_fail" {
  type    = string
  default = "NO_ACTION"
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

resource "aws_cognito_risk_configuration" "fail_no_action" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "NO_ACTION"
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_filter_without_sign_in" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  compromised_credentials_risk_configuration {
    event_filter = ["SIGN_UP", "PASSWORD_CHANGE"]
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_from_variable" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = var.compromised_action_fail
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_in_one_branch" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = var.strict_fail ? "BLOCK" : "NO_ACTION"
    }
  }
}

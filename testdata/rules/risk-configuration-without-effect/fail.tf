# COG208 risk-configuration-without-effect must flag every fail_ risk configuration (Terraform).

variable "threat_protection_mode_fail" {
  type    = string
  default = "AUDIT"
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_user_pool" "off" {
  name           = "off"
  user_pool_tier = "PLUS"
}

resource "aws_cognito_user_pool" "audit" {
  name           = "audit"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "from_variable" {
  name           = "from-variable"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.threat_protection_mode_fail
  }
}

resource "aws_cognito_user_pool" "in_one_branch" {
  name           = "in-one-branch"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.strict_fail ? "ENFORCED" : "AUDIT"
  }
}

resource "aws_cognito_risk_configuration" "fail_pool_off" {
  user_pool_id = aws_cognito_user_pool.off.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_pool_audit" {
  user_pool_id = aws_cognito_user_pool.audit.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_pool_from_variable" {
  user_pool_id = aws_cognito_user_pool.from_variable.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "fail_pool_in_one_branch" {
  user_pool_id = aws_cognito_user_pool.in_one_branch.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

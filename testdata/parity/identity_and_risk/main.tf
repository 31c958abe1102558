# Parity case `identity_and_risk` - the Terraform form of template.yaml (the basic flow is chosen
# by a variable without default).

variable "is_eu" {
  type = bool
}

resource "aws_cognito_identity_pool" "identity_pool" {
  identity_pool_name               = "identity_and_risk"
  allow_unauthenticated_identities = true
  allow_classic_flow               = var.is_eu ? true : false

  cognito_identity_providers {
    client_id               = "1example23456789"
    provider_name           = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example"
    server_side_token_check = true
  }

  cognito_identity_providers {
    client_id     = "2example23456789"
    provider_name = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"
  }
}

resource "aws_cognito_risk_configuration" "risk_configuration" {
  user_pool_id = "eu-west-1_Example"

  compromised_credentials_risk_configuration {
    actions {
      event_action = "NO_ACTION"
    }
  }

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

  risk_exception_configuration {
    skipped_ip_range_list = ["203.0.113.0/28", "10.0.0.0/8"]
  }
}

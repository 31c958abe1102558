# COG208 risk-configuration-without-effect cannot decide these risk configurations, and must stay silent (Terraform).

variable "user_pool_id_unknown" {
  type = string
}

data "aws_cognito_user_pool" "shared_unknown" {
  user_pool_id = "eu-west-1_Example"
}

resource "aws_cognito_risk_configuration" "unknown_variable" {
  user_pool_id = var.user_pool_id_unknown
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

resource "aws_cognito_risk_configuration" "unknown_data_source" {
  user_pool_id = data.aws_cognito_user_pool.shared_unknown.id
  compromised_credentials_risk_configuration {
    actions {
      event_action = "BLOCK"
    }
  }
}

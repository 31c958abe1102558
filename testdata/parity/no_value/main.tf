# Parity case `no_value` - arguments set to null (the CloudFormation version removes the
# properties with AWS::NoValue), outright or in one branch of a variable without default.

variable "is_eu" {
  type = bool
}

resource "aws_cognito_user_pool" "user_pool" {
  name              = "no-value"
  mfa_configuration = null
  user_pool_tier    = "PLUS"

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  password_policy {
    minimum_length                   = 14
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = var.is_eu ? 1 : null
  }
}

resource "aws_cognito_user_pool_client" "app_client" {
  name                          = "app"
  user_pool_id                  = aws_cognito_user_pool.user_pool.id
  prevent_user_existence_errors = null
}

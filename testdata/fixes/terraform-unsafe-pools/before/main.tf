resource "aws_cognito_user_pool" "pool" {
  name                = "pool"
  mfa_configuration   = "OFF"
  deletion_protection = "ACTIVE"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_identity_pool" "ids" {
  identity_pool_name               = "ids"
  allow_unauthenticated_identities = true
  allow_classic_flow               = true
}

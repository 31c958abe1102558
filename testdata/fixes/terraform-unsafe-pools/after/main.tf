resource "aws_cognito_user_pool" "pool" {
  name                = "pool"
  mfa_configuration   = "ON"
  deletion_protection = "ACTIVE"

  software_token_mfa_configuration {
    enabled = true
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }
}

resource "aws_cognito_identity_pool" "ids" {
  identity_pool_name               = "ids"
  allow_unauthenticated_identities = false
  allow_classic_flow               = false
}

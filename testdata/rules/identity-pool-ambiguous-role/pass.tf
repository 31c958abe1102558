# COG406 identity-pool-ambiguous-role must stay silent on these role attachments (Terraform).

resource "aws_cognito_identity_pool" "main_pass" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = false
}

resource "aws_cognito_identity_pool_roles_attachment" "pass_deny" {
  identity_pool_id = aws_cognito_identity_pool.main_pass.id

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = "Deny"
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "pass_no_mappings" {
  identity_pool_id = aws_cognito_identity_pool.main_pass.id

  roles = {
    "authenticated" = "arn:aws:iam::123456789012:role/app-users"
  }
}

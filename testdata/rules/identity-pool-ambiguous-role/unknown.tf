# COG406 identity-pool-ambiguous-role cannot decide these role attachments, and must stay silent (Terraform).

resource "aws_cognito_identity_pool" "main_unknown" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = false
}

variable "resolution_unknown" {
  type = string
}

variable "mappings_unknown" {
  type = list(object({ identity_provider = string, ambiguous_role_resolution = string }))
}

resource "aws_cognito_identity_pool_roles_attachment" "unknown_variable" {
  identity_pool_id = aws_cognito_identity_pool.main_unknown.id

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = var.resolution_unknown
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "unknown_dynamic" {
  identity_pool_id = aws_cognito_identity_pool.main_unknown.id

  dynamic "role_mapping" {
    for_each = var.mappings_unknown
    content {
      identity_provider         = role_mapping.value.identity_provider
      type                      = "Token"
      ambiguous_role_resolution = role_mapping.value.ambiguous_role_resolution
    }
  }
}

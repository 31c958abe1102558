# COG406 identity-pool-ambiguous-role must flag every fail_ role attachment (Terraform).

variable "resolution_fail" {
  type    = string
  default = "AuthenticatedRole"
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_identity_pool" "main" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = false
}

resource "aws_cognito_identity_pool_roles_attachment" "fail_token_mapping" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = "AuthenticatedRole"
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "fail_second_mapping" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = "Deny"
  }

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Partner:2example23456789"
    type                      = "Rules"
    ambiguous_role_resolution = "AuthenticatedRole"

    mapping_rule {
      claim      = "custom:team"
      match_type = "Equals"
      value      = "admins"
      role_arn   = "arn:aws:iam::123456789012:role/admins"
    }
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "fail_from_variable" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = var.resolution_fail
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "fail_in_one_branch" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = var.strict_fail ? "Deny" : "AuthenticatedRole"
  }
}

# COG405 identity-role-too-broad cannot decide these roles, and must stay silent (Terraform).

resource "aws_cognito_identity_pool" "main_unknown" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = true
}

locals {
  trust_unknown = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

variable "guest_role_arn_unknown" {
  type = string
}

variable "policy_unknown" {
  type = string
}

resource "aws_cognito_identity_pool_roles_attachment" "unknown" {
  identity_pool_id = aws_cognito_identity_pool.main_unknown.id

  roles = {
    "authenticated"   = aws_iam_role.unknown_policy.arn
    "unauthenticated" = var.guest_role_arn_unknown
  }
}

resource "aws_iam_role" "unknown_policy" {
  name               = "unknown-policy"
  assume_role_policy = local.trust_unknown
}

resource "aws_iam_role_policy" "unknown" {
  name   = "unknown"
  role   = aws_iam_role.unknown_policy.id
  policy = var.policy_unknown
}

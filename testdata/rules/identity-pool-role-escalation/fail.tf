# COG408 identity-pool-role-escalation must flag every fail_ policy holder (Terraform).

variable "passable_roles_fail" {
  type    = string
  default = "*"
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_identity_pool" "main" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = false
}

resource "aws_iam_role" "app_users" {
  name = "app-users"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.main.id } }
    }]
  })
}

resource "aws_iam_policy" "fail_every_role" {
  name = "every-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["cognito-identity:SetIdentityPoolRoles", "iam:PassRole"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "fail_trusted_role" {
  name = "trusted-role"
  role = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "cognito-identity:*", Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = aws_iam_role.app_users.arn },
    ]
  })
}

resource "aws_iam_policy" "fail_from_variable" {
  name = "from-variable"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["cognito-identity:SetIdentityPoolRoles", "iam:PassRole"]
      Resource = var.passable_roles_fail
    }]
  })
}

resource "aws_iam_policy" "fail_in_one_branch" {
  name = "in-one-branch"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["cognito-identity:SetIdentityPoolRoles", var.strict_fail ? "iam:GetRole" : "iam:PassRole"]
      Resource = "*"
    }]
  })
}

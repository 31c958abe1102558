# COG405 identity-role-too-broad must stay silent on these roles (Terraform).

resource "aws_cognito_identity_pool" "main_pass" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = true
}

locals {
  trust_pass = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_cognito_identity_pool_roles_attachment" "scoped" {
  identity_pool_id = aws_cognito_identity_pool.main_pass.id

  roles = {
    "authenticated" = aws_iam_role.pass_scoped.arn
  }
}

resource "aws_iam_role" "pass_scoped" {
  name               = "scoped"
  assume_role_policy = local.trust_pass
}

resource "aws_iam_role_policy" "scoped" {
  name = "scoped"
  role = aws_iam_role.pass_scoped.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::app-uploads/$${cognito-identity.amazonaws.com:sub}/*"
    }]
  })
}

resource "aws_iam_role" "pass_not_for_identity_pools" {
  name = "lambda"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_cognito_identity_pool_roles_attachment" "escalation" {
  identity_pool_id = aws_cognito_identity_pool.main_pass.id

  roles = {
    "authenticated" = aws_iam_role.pass_only_escalation.arn
  }
}

# Its only broad statement lets the holder attach any role to an identity pool: COG408 reports
# it, and the old COG405 reported the same statement again.
resource "aws_iam_role" "pass_only_escalation" {
  name               = "escalation"
  assume_role_policy = local.trust_pass

  inline_policy {
    name = "escalation"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["cognito-identity:SetIdentityPoolRoles", "iam:PassRole"]
        Resource = "*"
      }]
    })
  }
}

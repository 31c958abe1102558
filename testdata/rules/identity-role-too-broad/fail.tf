# COG405 identity-role-too-broad must flag every fail_ role an identity pool hands out (Terraform).

variable "app_actions_fail" {
  type    = string
  default = "dynamodb:*"
}

variable "strict_fail" {
  type = bool
}

locals {
  trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_cognito_identity_pool" "main" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = true
}

resource "aws_cognito_identity_pool_roles_attachment" "app" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  roles = {
    "authenticated"   = aws_iam_role.fail_role_policy.arn
    "unauthenticated" = aws_iam_role.fail_guest_inline.arn
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "admin" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  roles = {
    "authenticated" = aws_iam_role.fail_attached_aws_managed.arn
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "upload" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  roles = {
    "authenticated"   = aws_iam_role.fail_attached_policy.arn
    "unauthenticated" = aws_iam_role.fail_in_one_branch.arn
  }
}

resource "aws_cognito_identity_pool_roles_attachment" "variable" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  roles = {
    "authenticated" = aws_iam_role.fail_from_variable.arn
  }
}

resource "aws_iam_role" "fail_role_policy" {
  name               = "role-policy"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = aws_iam_role.fail_role_policy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "fail_guest_inline" {
  name               = "guest-inline"
  assume_role_policy = local.trust

  inline_policy {
    name = "guest"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      }]
    })
  }
}

resource "aws_iam_role" "fail_attached_aws_managed" {
  name               = "attached-aws-managed"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.fail_attached_aws_managed.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role" "fail_attached_policy" {
  name               = "attached-policy"
  assume_role_policy = local.trust
}

resource "aws_iam_policy" "upload" {
  name = "upload"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "arn:aws:s3:::app-uploads/*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "upload" {
  role       = aws_iam_role.fail_attached_policy.name
  policy_arn = aws_iam_policy.upload.arn
}

resource "aws_iam_role" "fail_from_variable" {
  name               = "from-variable"
  assume_role_policy = local.trust
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
  ]

  inline_policy {
    name = "app"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = var.app_actions_fail
        Resource = "arn:aws:dynamodb:eu-west-1:123456789012:table/app"
      }]
    })
  }
}

resource "aws_iam_role" "fail_in_one_branch" {
  name               = "in-one-branch"
  assume_role_policy = local.trust
  managed_policy_arns = [
    var.strict_fail ? "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" : "arn:aws:iam::aws:policy/AmazonS3FullAccess",
  ]
}

resource "aws_cognito_identity_pool_roles_attachment" "classic" {
  identity_pool_id = aws_cognito_identity_pool.main.id

  roles = {
    "authenticated" = aws_iam_role.fail_classic_actions.arn
  }
}

# The role the console and the Amplify CLI used to create: the finding names
# `cognito-identity:*` (it hands out credentials and roles), not the first written.
resource "aws_iam_role" "fail_classic_actions" {
  name               = "classic"
  assume_role_policy = local.trust

  inline_policy {
    name = "classic"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["mobileanalytics:PutEvents", "cognito-sync:*", "cognito-identity:*"]
        Resource = "*"
      }]
    })
  }
}

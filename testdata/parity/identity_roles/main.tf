# Parity case `identity_roles` - the Terraform form of template.yaml (policies written with
# jsonencode, a heredoc and an aws_iam_policy_document data source).

resource "aws_cognito_identity_pool" "identity_pool" {
  identity_pool_name               = "identity_roles"
  allow_unauthenticated_identities = true
}

resource "aws_cognito_identity_pool_roles_attachment" "identity_pool_roles" {
  identity_pool_id = aws_cognito_identity_pool.identity_pool.id

  roles = {
    "authenticated"   = aws_iam_role.user_role.arn
    "unauthenticated" = aws_iam_role.guest_role.arn
  }

  role_mapping {
    identity_provider         = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example:1example23456789"
    type                      = "Token"
    ambiguous_role_resolution = "AuthenticatedRole"
  }
}

data "aws_iam_policy_document" "user_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "cognito-identity.amazonaws.com:aud"
      values   = [aws_cognito_identity_pool.identity_pool.id]
    }

    condition {
      test     = "ForAnyValue:StringLike"
      variable = "cognito-identity.amazonaws.com:amr"
      values   = ["authenticated"]
    }
  }
}

resource "aws_iam_role" "user_role" {
  name                = "user"
  assume_role_policy  = data.aws_iam_policy_document.user_trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
}

resource "aws_iam_role" "guest_role" {
  name               = "guest"
  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": { "Federated": "cognito-identity.amazonaws.com" },
        "Action": "sts:AssumeRoleWithWebIdentity"
      }]
    }
  POLICY

  inline_policy {
    name = "guest"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::app-assets/*" }]
    })
  }
}

resource "aws_iam_policy" "deploy_policy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["cognito-identity:SetIdentityPoolRoles", "iam:PassRole"]
      Resource = "*"
    }]
  })
}

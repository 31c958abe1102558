# COG404 identity-role-trust-without-amr must flag every fail_ role (Terraform).

variable "trust_fail" {
  type    = string
  default = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"cognito-identity.amazonaws.com\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\"}]}"
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_identity_pool" "main" {
  identity_pool_name               = "main"
  allow_unauthenticated_identities = false
}

resource "aws_iam_role" "fail_aud_only" {
  name = "aud-only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.main.id }
      }
    }]
  })
}

resource "aws_iam_role" "fail_heredoc" {
  name               = "heredoc"
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
}

resource "aws_iam_role" "fail_from_variable" {
  name               = "from-variable"
  assume_role_policy = var.trust_fail
}

resource "aws_iam_role" "fail_in_one_branch" {
  name = "in-one-branch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = var.strict_fail ? { "ForAnyValue:StringLike" = { "cognito-identity.amazonaws.com:amr" = "authenticated" } } : {}
    }]
  })
}

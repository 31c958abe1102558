# COG403 identity-role-trust-without-aud must flag every fail_ role (Terraform).

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

resource "aws_iam_role" "fail_amr_only" {
  name = "amr-only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        "ForAnyValue:StringLike" = { "cognito-identity.amazonaws.com:amr" = "authenticated" }
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
      Condition = var.strict_fail ? { StringEquals = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.main.id } } : {}
    }]
  })
}

data "aws_iam_policy_document" "trust_amr_only" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }

    condition {
      test     = "ForAnyValue:StringLike"
      variable = "cognito-identity.amazonaws.com:amr"
      values   = ["authenticated"]
    }
  }
}

resource "aws_iam_role" "fail_policy_document" {
  name               = "policy-document"
  assume_role_policy = data.aws_iam_policy_document.trust_amr_only.json
}

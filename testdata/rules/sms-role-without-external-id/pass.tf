# COG606 sms-role-without-external-id must stay silent on these user pools (Terraform).

resource "aws_cognito_user_pool" "pass_external_id" {
  name = "pass-external-id"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::123456789012:role/cognito-sms"
    external_id    = "my-user-pool-sms"
  }
}

resource "aws_cognito_user_pool" "pass_no_sms_configuration" {
  name              = "pass-no-sms-configuration"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "pass_role_requires_external_id" {
  name = "pass-role-requires-external-id"
  sms_configuration {
    sns_caller_arn = aws_iam_role.sms.arn
    external_id    = "my-user-pool-sms"
  }
}

resource "aws_iam_role" "sms" {
  name = "cognito-sms-with-external-id"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cognito-idp.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "my-user-pool-sms" } }
    }]
  })
}

# The SMS role, in another file of the module: its trust policy does not require the external ID.

resource "aws_iam_role" "sms_role" {
  name = "cognito-sms"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cognito-idp.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

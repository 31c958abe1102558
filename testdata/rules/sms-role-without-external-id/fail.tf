# COG606 sms-role-without-external-id must flag every fail_* user pool (Terraform).

variable "sms_external_id" {
  type    = string
  default = ""
}

variable "production" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "fail_external_id_omitted" {
  name = "fail-external-id-omitted"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::123456789012:role/cognito-sms"
  }
}

resource "aws_cognito_user_pool" "fail_external_id_empty" {
  name = "fail-external-id-empty"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::123456789012:role/cognito-sms"
    external_id    = ""
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "fail-from-variable"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::123456789012:role/cognito-sms"
    external_id    = var.sms_external_id
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "fail-in-one-branch"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::123456789012:role/cognito-sms"
    external_id    = var.production ? "prod-user-pool-sms" : ""
  }
}

resource "aws_cognito_user_pool" "fail_sms_role_trust" {
  name = "sms-pool-with-external-id"
  sms_configuration {
    sns_caller_arn = aws_iam_role.sms_role.arn
    external_id    = "my-user-pool-sms"
  }
}

# No external ID and a role that does not require one: one finding at the pool, the role's trust
# statement related (the old rule reported the role again, as a second finding).
resource "aws_cognito_user_pool" "fail_no_external_id_open_role" {
  name = "no-external-id-open-role"
  sms_configuration {
    sns_caller_arn = aws_iam_role.sms_role.arn
  }
}

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

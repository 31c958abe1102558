# The user pool sends SMS with the role declared in iam.tf.

resource "aws_cognito_user_pool" "main" {
  name = "main"
  sms_configuration {
    sns_caller_arn = aws_iam_role.fail_sms_role_trust.arn
    external_id    = "main-user-pool-sms"
  }
}

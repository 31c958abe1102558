# The user pool sends SMS with the role declared in iam.tf.

resource "aws_cognito_user_pool" "fail_main" {
  name = "main"
  sms_configuration {
    sns_caller_arn = aws_iam_role.sms_role.arn
    external_id    = "main-user-pool-sms"
  }
}

# COG603 no-log-delivery must stay silent on these user pools (Terraform).

resource "aws_cognito_user_pool" "pass_logged" {
  name = "logged"
}

resource "aws_cloudwatch_log_group" "cognito" {
  name = "/aws/vendedlogs/cognito/logged"
}

resource "aws_cognito_log_delivery_configuration" "pass_logged" {
  user_pool_id = aws_cognito_user_pool.pass_logged.id
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
    cloud_watch_logs_configuration {
      log_group_arn = aws_cloudwatch_log_group.cognito.arn
    }
  }
}

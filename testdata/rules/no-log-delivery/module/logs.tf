resource "aws_cognito_log_delivery_configuration" "auth" {
  user_pool_id = aws_cognito_user_pool.pass_logged_from_another_file.id
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
  }
}

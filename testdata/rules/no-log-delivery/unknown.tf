# COG603 no-log-delivery cannot decide these user pools, and must stay silent (Terraform).
# When `log_pool_unknown` is false, the configuration names a pool given by a variable
# without a value: it may be any pool of the module.

variable "log_pool_unknown" {
  type = bool
}

variable "logged_user_pool_id_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_target" {
  name = "unknown-target"
}

resource "aws_cognito_log_delivery_configuration" "unknown_target" {
  user_pool_id = var.log_pool_unknown ? aws_cognito_user_pool.unknown_target.id : var.logged_user_pool_id_unknown
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
  }
}

# COG603 no-log-delivery must flag every fail_ user pool (Terraform). The three .tf files of
# this directory are one module: unknown.tf's configuration, whose pool is unknown when
# `log_pool_unknown` is false, leaves these pools undecided in that case, so they are flagged
# for the case where it is true.

variable "logged_user_pool_id_fail" {
  type    = string
  default = "eu-west-1_Example"
}

variable "prod_fail" {
  type = bool
}

resource "aws_cognito_user_pool" "fail_no_log_delivery" {
  name = "no-log-delivery"
}

# The variable's value names a pool outside the module.
resource "aws_cognito_user_pool" "fail_other_pool_logged" {
  name = "other-pool-logged"
}

resource "aws_cognito_log_delivery_configuration" "from_variable" {
  user_pool_id = var.logged_user_pool_id_fail
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
  }
}

resource "aws_cognito_user_pool" "fail_logged_in_one_branch" {
  name = "logged-in-one-branch"
}

resource "aws_cognito_log_delivery_configuration" "in_one_branch" {
  user_pool_id = var.prod_fail ? aws_cognito_user_pool.fail_logged_in_one_branch.id : var.logged_user_pool_id_fail
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
  }
}

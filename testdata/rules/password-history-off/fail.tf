# COG113 password-history-off must flag every fail_ user pool (Terraform).

variable "history_size_fail" {
  type    = number
  default = 5
}

variable "strict_history_fail" {
  type = bool
}

locals {
  history_size_local_fail = 0
}

resource "aws_cognito_user_pool" "fail_no_policy" {
  name = "essentials-by-default"
}

resource "aws_cognito_user_pool" "fail_history_omitted" {
  name           = "history-omitted"
  user_pool_tier = "ESSENTIALS"
  password_policy {
    minimum_length = 14
  }
}

resource "aws_cognito_user_pool" "fail_short_on_plus" {
  name           = "short-on-plus"
  user_pool_tier = "PLUS"
  password_policy {
    password_history_size = 3
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "from-variable"
  password_policy {
    password_history_size = var.history_size_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "from-local"
  password_policy {
    password_history_size = local.history_size_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "one-branch"
  password_policy {
    password_history_size = var.strict_history_fail ? 24 : 4
  }
}

resource "aws_cognito_user_pool" "pass_lite" {
  name           = "lite-has-no-history"
  user_pool_tier = "LITE"
}

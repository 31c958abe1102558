# COG112 temporary-password-validity must flag every fail_ user pool (Terraform).

variable "temp_days_fail" {
  type    = number
  default = 3
}

variable "strict_fail" {
  type = bool
}

locals {
  temp_days_local_fail = 30
}

resource "aws_cognito_user_pool" "fail_no_policy" {
  name = "seven-day-default"
}

resource "aws_cognito_user_pool" "fail_days_omitted" {
  name = "days-omitted"
  password_policy {
    minimum_length = 14
  }
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name = "explicit-7"
  password_policy {
    temporary_password_validity_days = 7
  }
}

resource "aws_cognito_user_pool" "fail_zero_means_default" {
  name = "zero-days"
  password_policy {
    temporary_password_validity_days = 0
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable-days"
  password_policy {
    temporary_password_validity_days = var.temp_days_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local-days"
  password_policy {
    temporary_password_validity_days = local.temp_days_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "branch-days"
  password_policy {
    temporary_password_validity_days = var.strict_fail ? 1 : 30
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2
  name  = "counted-${count.index}"
  password_policy {
    temporary_password_validity_days = 7
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0
  name  = "never-created"
  password_policy {
    temporary_password_validity_days = 7
  }
}

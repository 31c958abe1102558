# COG112 temporary-password-validity must stay silent on these user pools (Terraform).

variable "temp_days_pass" {
  type    = number
  default = 1
}

variable "strict_pass" {
  type    = bool
  default = true
}

locals {
  temp_days_local_pass = 1
}

resource "aws_cognito_user_pool" "pass_one_day" {
  name = "one-day"
  password_policy {
    minimum_length                   = 14
    temporary_password_validity_days = 1
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "variable-days"
  password_policy {
    temporary_password_validity_days = var.temp_days_pass
  }
}

resource "aws_cognito_user_pool" "pass_from_local" {
  name = "local-days"
  password_policy {
    temporary_password_validity_days = local.temp_days_local_pass
  }
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name = "known-condition"
  password_policy {
    temporary_password_validity_days = var.strict_pass ? 1 : 7
  }
}

resource "aws_cognito_user_pool" "pass_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
  password_policy {
    temporary_password_validity_days = 1
  }
}

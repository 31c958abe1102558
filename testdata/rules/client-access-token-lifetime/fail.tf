# COG304 client-access-token-lifetime must flag every fail_ app client (Terraform; threshold 60 minutes).

variable "access_token_hours_fail" {
  type    = number
  default = 12
}

variable "access_token_long_sessions_fail" {
  type = bool
}

locals {
  access_token_unit_local_fail = "days"
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_hours_by_default" {
  name                 = "two-hours"
  user_pool_id         = aws_cognito_user_pool.main.id
  access_token_validity = 2
}

resource "aws_cognito_user_pool_client" "fail_minutes" {
  name                 = "ninety-minutes"
  user_pool_id         = aws_cognito_user_pool.main.id
  access_token_validity = 90
  token_validity_units {
    access_token = "minutes"
  }
}

resource "aws_cognito_user_pool_client" "fail_unit_from_local" {
  name                 = "one-day"
  user_pool_id         = aws_cognito_user_pool.main.id
  access_token_validity = 1
  token_validity_units {
    access_token = local.access_token_unit_local_fail
  }
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                 = "variable-validity"
  user_pool_id         = aws_cognito_user_pool.main.id
  access_token_validity = var.access_token_hours_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                 = "branch-validity"
  user_pool_id         = aws_cognito_user_pool.main.id
  access_token_validity = var.access_token_long_sessions_fail ? 24 : 1
}

resource "aws_cognito_user_pool_client" "fail_each" {
  for_each             = toset(["a", "b"])
  name                 = "tenant-${each.key}"
  user_pool_id         = aws_cognito_user_pool.main.id
  access_token_validity = 8
}

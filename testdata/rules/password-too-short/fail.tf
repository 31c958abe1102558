# COG110 password-too-short must flag every fail_ user pool (Terraform).

variable "min_length_fail" {
  type    = number
  default = 10
}

variable "strict_fail" {
  type = bool
}

locals {
  min_length_local_fail = 12
}

resource "aws_cognito_user_pool" "fail_no_policy" {
  name = "default-policy"
}

resource "aws_cognito_user_pool" "fail_length_omitted" {
  name = "length-omitted"
  password_policy {
    require_symbols = true
  }
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name = "explicit-8"
  password_policy {
    minimum_length = 8
  }
}

resource "aws_cognito_user_pool" "fail_just_below" {
  name = "just-below"
  password_policy {
    minimum_length = 13
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable-length"
  password_policy {
    minimum_length = var.min_length_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local-length"
  password_policy {
    minimum_length = local.min_length_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "branch-length"
  password_policy {
    minimum_length = var.strict_fail ? 16 : 6
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2
  name  = "counted-${count.index}"
  password_policy {
    minimum_length = 8
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
    minimum_length = 8
  }
}

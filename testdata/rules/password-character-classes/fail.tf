# COG111 password-character-classes must flag every fail_ user pool (Terraform).

variable "require_numbers_fail" {
  type    = bool
  default = false
}

variable "strict_fail" {
  type = bool
}

locals {
  require_lowercase_local_fail = false
}

resource "aws_cognito_user_pool" "fail_no_uppercase" {
  name = "no-uppercase"
  password_policy {
    require_lowercase = true
    require_numbers   = true
    require_uppercase = false
  }
}

resource "aws_cognito_user_pool" "fail_no_class_at_all" {
  name = "no-class-at-all"
  password_policy {
    require_lowercase = false
    require_numbers   = false
    require_symbols   = false
    require_uppercase = false
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable-numbers"
  password_policy {
    require_lowercase = true
    require_numbers   = var.require_numbers_fail
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local-lowercase"
  password_policy {
    require_lowercase = local.require_lowercase_local_fail
    require_numbers   = true
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "branch-uppercase"
  password_policy {
    require_lowercase = true
    require_numbers   = true
    require_uppercase = var.strict_fail ? true : false
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2
  name  = "counted-${count.index}"
  password_policy {
    require_lowercase = true
    require_numbers   = false
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
  password_policy {
    require_lowercase = false
    require_numbers   = true
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0
  name  = "never-created"
  password_policy {
    require_uppercase = false
  }
}

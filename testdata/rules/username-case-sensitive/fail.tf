# COG504 username-case-sensitive must flag every fail_ user pool (Terraform).

variable "case_sensitive_fail" {
  type    = bool
  default = true
}

variable "legacy_fail" {
  type = bool
}

locals {
  case_sensitive_local_fail = true
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name                = "no-username-configuration"
  username_attributes = ["email"]
}

resource "aws_cognito_user_pool" "fail_case_sensitive" {
  name = "case-sensitive"
  username_configuration {
    case_sensitive = true
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "from-variable"
  username_configuration {
    case_sensitive = var.case_sensitive_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "from-local"
  username_configuration {
    case_sensitive = local.case_sensitive_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "one-branch"
  username_configuration {
    case_sensitive = var.legacy_fail ? true : false
  }
}

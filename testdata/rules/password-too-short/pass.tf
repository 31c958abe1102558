# COG110 password-too-short must stay silent on these user pools (Terraform).

variable "min_length_pass" {
  type    = number
  default = 16
}

variable "strict_pass" {
  type    = bool
  default = true
}

variable "long_passwords_pass" {
  type = bool
}

locals {
  min_length_local_pass = 20
}

resource "aws_cognito_user_pool" "pass_at_threshold" {
  name = "at-threshold"
  password_policy {
    minimum_length    = 14
    require_lowercase = true
    require_numbers   = true
    require_symbols   = true
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "variable-length"
  password_policy {
    minimum_length = var.min_length_pass
  }
}

resource "aws_cognito_user_pool" "pass_from_local" {
  name = "local-length"
  password_policy {
    minimum_length = local.min_length_local_pass
  }
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name = "known-condition"
  password_policy {
    minimum_length = var.strict_pass ? 16 : 8
  }
}

resource "aws_cognito_user_pool" "pass_both_branches" {
  name = "both-branches"
  password_policy {
    minimum_length = var.long_passwords_pass ? 20 : 14
  }
}

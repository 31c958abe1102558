# COG111 password-character-classes must stay silent on these user pools (Terraform).

variable "require_numbers_pass" {
  type    = bool
  default = true
}

variable "strict_pass" {
  type    = bool
  default = true
}

variable "symbols_pass" {
  type = bool
}

resource "aws_cognito_user_pool" "pass_no_policy" {
  name = "every-class-by-default"
}

resource "aws_cognito_user_pool" "pass_all_required" {
  name = "all-required"
  password_policy {
    minimum_length    = 14
    require_lowercase = true
    require_numbers   = true
    require_symbols   = true
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "pass_symbols_off" {
  name = "symbols-off"
  password_policy {
    require_lowercase = true
    require_numbers   = true
    require_symbols   = false
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "pass_symbols_undecided" {
  name = "symbols-undecided"
  password_policy {
    require_lowercase = true
    require_numbers   = true
    require_symbols   = var.symbols_pass ? true : false
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "variable-numbers"
  password_policy {
    require_lowercase = true
    require_numbers   = var.require_numbers_pass
    require_uppercase = true
  }
}

resource "aws_cognito_user_pool" "pass_known_condition" {
  name = "known-condition"
  password_policy {
    require_lowercase = true
    require_numbers   = true
    require_uppercase = var.strict_pass ? true : false
  }
}

# COG113 password-history-off must stay silent on these user pools (Terraform).

variable "history_size_pass" {
  type    = number
  default = 12
}

resource "aws_cognito_user_pool" "pass_twelve" {
  name = "twelve"
  password_policy {
    minimum_length        = 14
    password_history_size = 12
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name           = "from-variable"
  user_pool_tier = "PLUS"
  password_policy {
    password_history_size = var.history_size_pass
  }
}

resource "aws_cognito_user_pool" "pass_lite_without_history" {
  name           = "lite"
  user_pool_tier = "LITE"
}

# COG113 password-history-off cannot decide these user pools, and must stay silent (Terraform).

variable "history_size_unknown" {
  type = number
}

variable "tier_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  password_policy {
    password_history_size = var.history_size_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_tier" {
  name           = "unknown-tier"
  user_pool_tier = var.tier_unknown
}

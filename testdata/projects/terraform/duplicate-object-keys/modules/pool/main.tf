locals {
  tags = { team = "identity", "team" = "platform", team = "security" }
}

resource "aws_cognito_user_pool" "main" {
  name           = "pool"
  tags           = local.tags
  user_pool_tier = "PLUS"

  user_pool_add_ons {
    advanced_security_mode = var.advanced_security_mode
  }
}

# COG204 feature-needs-higher-tier cannot decide these user pools, and must stay silent (Terraform).

variable "tier_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_tier" {
  name           = "unknown-tier"
  user_pool_tier = var.tier_unknown
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

module "auth" {
  source                 = "./modules/pool"
  advanced_security_mode = "ENFORCED"
}

locals {
  # Valid Terraform: the last `mode` wins, so this pool audits only.
  security = {
    mode = "ENFORCED"
    tier = "PLUS"
    mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "fail_audit" {
  name           = "audit"
  user_pool_tier = local.security.tier

  user_pool_add_ons {
    advanced_security_mode = local.security.mode
  }
}

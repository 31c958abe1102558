variable "root_mfa" {
  type    = string
  default = "OFF"
}

module "auth" {
  source                 = "./modules/pool"
  advanced_security_mode = "ENFORCED"
}

# terraform.tfvars could not be parsed: it may set `root_mfa`, so the default is not taken.
resource "aws_cognito_user_pool" "root" {
  name                = "root"
  mfa_configuration   = var.root_mfa
  deletion_protection = "ACTIVE"

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

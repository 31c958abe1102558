# COG501 self-sign-up-enabled must stay silent on these user pools (Terraform).

variable "admin_only_pass" {
  type    = bool
  default = true
}

resource "aws_cognito_user_pool" "pass_admin_only" {
  name = "admin-only"
  admin_create_user_config {
    allow_admin_create_user_only = true
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "variable-admin-only"
  admin_create_user_config {
    allow_admin_create_user_only = var.admin_only_pass
  }
}

resource "aws_cognito_user_pool" "pass_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
  admin_create_user_config {
    allow_admin_create_user_only = true
  }
}

# COG501 self-sign-up-enabled cannot decide these user pools, and must stay silent (Terraform).

variable "admin_only_unknown" {
  type = bool
}

data "aws_ssm_parameter" "admin_only_unknown" {
  name = "/cognito/admin-only"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  admin_create_user_config {
    allow_admin_create_user_only = var.admin_only_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name = "unknown-data-source"
  admin_create_user_config {
    allow_admin_create_user_only = data.aws_ssm_parameter.admin_only_unknown.value
  }
}

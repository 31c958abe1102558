# COG201 threat-protection-off cannot decide these user pools, and must stay silent (Terraform).

variable "security_mode_unknown" {
  type = string
}

data "aws_ssm_parameter" "security_mode_unknown" {
  name = "/cognito/advanced-security-mode"
}

locals {
  security_mode_file_unknown = "${path.module}/advanced-security-mode.txt"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name           = "unknown-variable"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = var.security_mode_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name           = "unknown-data-source"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = data.aws_ssm_parameter.security_mode_unknown.value
  }
}

resource "aws_cognito_user_pool" "unknown_function" {
  name           = "unknown-function"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = (
      fileexists(local.security_mode_file_unknown)
      ? trimspace(file(local.security_mode_file_unknown))
      : "ENFORCED"
    )
  }
}

# COG112 temporary-password-validity cannot decide these user pools, and must stay silent (Terraform).

variable "temp_days_unknown" {
  type = number
}

data "aws_ssm_parameter" "temp_days_unknown" {
  name = "/cognito/temporary-password-validity-days"
}

locals {
  temp_days_file_unknown = "${path.module}/temporary-password-validity-days.txt"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  password_policy {
    temporary_password_validity_days = var.temp_days_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name = "unknown-data-source"
  password_policy {
    temporary_password_validity_days = data.aws_ssm_parameter.temp_days_unknown.value
  }
}

resource "aws_cognito_user_pool" "unknown_function" {
  name = "unknown-function"
  password_policy {
    temporary_password_validity_days = (
      fileexists(local.temp_days_file_unknown)
      ? tonumber(trimspace(file(local.temp_days_file_unknown)))
      : 1
    )
  }
}

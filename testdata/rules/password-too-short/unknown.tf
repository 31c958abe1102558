# COG110 password-too-short cannot decide these user pools, and must stay silent (Terraform).

variable "min_length_unknown" {
  type = number
}

data "aws_ssm_parameter" "min_length_unknown" {
  name = "/cognito/password-minimum-length"
}

locals {
  min_length_file_unknown = "${path.module}/password-minimum-length.txt"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  password_policy {
    minimum_length = var.min_length_unknown
  }
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name = "unknown-data-source"
  password_policy {
    minimum_length = data.aws_ssm_parameter.min_length_unknown.value
  }
}

resource "aws_cognito_user_pool" "unknown_function" {
  name = "unknown-function"
  password_policy {
    minimum_length = (
      fileexists(local.min_length_file_unknown)
      ? tonumber(trimspace(file(local.min_length_file_unknown)))
      : 14
    )
  }
}

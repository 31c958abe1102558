# COG302 client-user-existence-errors cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "app-users"
}

variable "existence_errors_unknown" {
  type = string
}

data "aws_ssm_parameter" "existence_errors_unknown" {
  name = "/cognito/prevent-user-existence-errors"
}

locals {
  existence_errors_file_unknown = "${path.module}/prevent-user-existence-errors.txt"
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name                          = "unknown-variable"
  user_pool_id                  = aws_cognito_user_pool.main_unknown.id
  prevent_user_existence_errors = var.existence_errors_unknown
}

resource "aws_cognito_user_pool_client" "unknown_data_source" {
  name                          = "unknown-data-source"
  user_pool_id                  = aws_cognito_user_pool.main_unknown.id
  prevent_user_existence_errors = data.aws_ssm_parameter.existence_errors_unknown.value
}

resource "aws_cognito_user_pool_client" "unknown_function" {
  name         = "unknown-function"
  user_pool_id = aws_cognito_user_pool.main_unknown.id
  prevent_user_existence_errors = (
    fileexists(local.existence_errors_file_unknown)
    ? trimspace(file(local.existence_errors_file_unknown))
    : "ENABLED"
  )
}

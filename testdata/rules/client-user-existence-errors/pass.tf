# COG302 client-user-existence-errors must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "app-users"
}

variable "existence_errors_pass" {
  type    = string
  default = "ENABLED"
}

variable "strict_pass" {
  type    = bool
  default = true
}

locals {
  existence_errors_local_pass = "ENABLED"
}

resource "aws_cognito_user_pool_client" "pass_enabled_client" {
  name                          = "enabled"
  user_pool_id                  = aws_cognito_user_pool.main_pass.id
  explicit_auth_flows           = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                          = "variable-enabled"
  user_pool_id                  = aws_cognito_user_pool.main_pass.id
  prevent_user_existence_errors = var.existence_errors_pass
}

resource "aws_cognito_user_pool_client" "pass_from_local" {
  name                          = "local-enabled"
  user_pool_id                  = aws_cognito_user_pool.main_pass.id
  prevent_user_existence_errors = local.existence_errors_local_pass
}

resource "aws_cognito_user_pool_client" "pass_known_condition" {
  name                          = "known-condition"
  user_pool_id                  = aws_cognito_user_pool.main_pass.id
  prevent_user_existence_errors = var.strict_pass ? "ENABLED" : "LEGACY"
}

resource "aws_cognito_user_pool_client" "pass_each" {
  for_each                      = toset(["a", "b"])
  name                          = "tenant-${each.key}"
  user_pool_id                  = aws_cognito_user_pool.main_pass.id
  prevent_user_existence_errors = "ENABLED"
}

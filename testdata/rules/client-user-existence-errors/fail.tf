# COG302 client-user-existence-errors must flag every fail_ app client (Terraform).

variable "existence_errors_fail" {
  type    = string
  default = "LEGACY"
}

variable "hide_users_fail" {
  type = bool
}

locals {
  existence_errors_local_fail = "LEGACY"
}

resource "aws_cognito_user_pool" "main" {
  name = "app-users"
}

resource "aws_cognito_user_pool_client" "fail_omitted" {
  name                = "omitted"
  user_pool_id        = aws_cognito_user_pool.main.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

resource "aws_cognito_user_pool_client" "fail_legacy" {
  name                          = "legacy"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = "LEGACY"
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                          = "variable-legacy"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = var.existence_errors_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name                          = "local-legacy"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = local.existence_errors_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                          = "branch-legacy"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = var.hide_users_fail ? "ENABLED" : "LEGACY"
}

resource "aws_cognito_user_pool_client" "fail_in_multiline_branch" {
  name         = "multiline-branch-legacy"
  user_pool_id = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = (
    var.hide_users_fail
    ? "LEGACY"
    : "ENABLED"
  )
}

resource "aws_cognito_user_pool_client" "fail_count" {
  count                         = 2
  name                          = "counted-${count.index}"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = "LEGACY"
}

resource "aws_cognito_user_pool_client" "fail_each" {
  for_each     = toset(["a", "b"])
  name         = "tenant-${each.key}"
  user_pool_id = aws_cognito_user_pool.main.id
}

resource "aws_cognito_user_pool_client" "pass_count_zero" {
  count        = 0
  name         = "never-created"
  user_pool_id = aws_cognito_user_pool.main.id
}

resource "aws_cognito_user_pool_client" "pass_enabled" {
  name                          = "enabled"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = "ENABLED"
}

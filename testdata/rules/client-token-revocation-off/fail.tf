# COG307 client-token-revocation-off must flag every fail_ app client (Terraform).

variable "revocation_fail" {
  type    = bool
  default = false
}

variable "legacy_sessions_fail" {
  type = bool
}

locals {
  revocation_local_fail = false
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_explicit" {
  name                    = "no-revocation"
  user_pool_id            = aws_cognito_user_pool.main.id
  enable_token_revocation = false
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                    = "variable-revocation"
  user_pool_id            = aws_cognito_user_pool.main.id
  enable_token_revocation = var.revocation_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name                    = "local-revocation"
  user_pool_id            = aws_cognito_user_pool.main.id
  enable_token_revocation = local.revocation_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                    = "branch-revocation"
  user_pool_id            = aws_cognito_user_pool.main.id
  enable_token_revocation = var.legacy_sessions_fail ? false : true
}

resource "aws_cognito_user_pool_client" "fail_count" {
  count                   = 2
  name                    = "counted-${count.index}"
  user_pool_id            = aws_cognito_user_pool.main.id
  enable_token_revocation = false
}

resource "aws_cognito_user_pool_client" "pass_omitted" {
  name         = "revocation-default"
  user_pool_id = aws_cognito_user_pool.main.id
}

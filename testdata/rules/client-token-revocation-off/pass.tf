# COG307 client-token-revocation-off must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "revocation_pass" {
  type    = bool
  default = true
}

variable "strict_pass" {
  type = bool
}

resource "aws_cognito_user_pool_client" "pass_enabled" {
  name                    = "revocation-on"
  user_pool_id            = aws_cognito_user_pool.main_pass.id
  enable_token_revocation = true
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                    = "variable-revocation"
  user_pool_id            = aws_cognito_user_pool.main_pass.id
  enable_token_revocation = var.revocation_pass
}

resource "aws_cognito_user_pool_client" "pass_both_branches" {
  name                    = "both-branches"
  user_pool_id            = aws_cognito_user_pool.main_pass.id
  enable_token_revocation = var.strict_pass ? true : null
}

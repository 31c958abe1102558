# COG301 client-implicit-grant must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"
}

variable "flows_pass" {
  type    = list(string)
  default = ["code"]
}

variable "strict_pass" {
  type    = bool
  default = true
}

variable "machine_pass" {
  type = bool
}

resource "aws_cognito_user_pool_client" "pass_no_oauth" {
  name                = "no-oauth"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

resource "aws_cognito_user_pool_client" "pass_code_flow" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.main_pass.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows = [
    "code",
  ]
  allowed_oauth_scopes         = ["openid"]
  callback_urls                = ["https://app.example.org/callback"]
  supported_identity_providers = ["COGNITO"]
}

resource "aws_cognito_user_pool_client" "pass_machine_client" {
  name                = "machine"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  generate_secret     = true
  allowed_oauth_flows = ["client_credentials"]
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name                = "variable-flows"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  allowed_oauth_flows = var.flows_pass
}

resource "aws_cognito_user_pool_client" "pass_known_condition" {
  name                = "known-condition"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  allowed_oauth_flows = var.strict_pass ? ["code"] : ["code", "implicit"]
}

resource "aws_cognito_user_pool_client" "pass_both_branches" {
  name                = "both-branches"
  user_pool_id        = aws_cognito_user_pool.main_pass.id
  allowed_oauth_flows = var.machine_pass ? ["client_credentials"] : ["code"]
}

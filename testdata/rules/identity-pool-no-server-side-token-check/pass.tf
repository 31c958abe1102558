# COG407 identity-pool-no-server-side-token-check must stay silent on these identity pools (Terraform).

resource "aws_cognito_user_pool" "users_pass" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web_pass" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.users_pass.id
}

variable "token_check_pass" {
  type    = bool
  default = true
}

resource "aws_cognito_identity_pool" "pass_check_on" {
  identity_pool_name = "check-on"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web_pass.id
    provider_name           = aws_cognito_user_pool.users_pass.endpoint
    server_side_token_check = true
  }
}

resource "aws_cognito_identity_pool" "pass_from_variable" {
  identity_pool_name = "variable-check-on"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web_pass.id
    provider_name           = aws_cognito_user_pool.users_pass.endpoint
    server_side_token_check = var.token_check_pass
  }
}

resource "aws_cognito_identity_pool" "pass_no_user_pool_provider" {
  identity_pool_name = "google-only"

  supported_login_providers = {
    "accounts.google.com" = "123456789012.apps.googleusercontent.com"
  }
}

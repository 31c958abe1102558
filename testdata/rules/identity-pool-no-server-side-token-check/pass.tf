# COG407 identity-pool-no-server-side-token-check must stay silent on these identity pools (Terraform).

variable "token_check_pass" {
  type    = bool
  default = true
}

resource "aws_cognito_identity_pool" "pass_check_on" {
  identity_pool_name = "check-on"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = true
  }
}

resource "aws_cognito_identity_pool" "pass_from_variable" {
  identity_pool_name = "variable-check-on"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = var.token_check_pass
  }
}

resource "aws_cognito_identity_pool" "pass_no_user_pool_provider" {
  identity_pool_name = "google-only"

  supported_login_providers = {
    "accounts.google.com" = "123456789012.apps.googleusercontent.com"
  }
}

# COG407 identity-pool-no-server-side-token-check cannot decide these identity pools, and must stay silent (Terraform).

variable "token_check_unknown" {
  type = bool
}

variable "providers_unknown" {
  type = list(object({ client_id = string, provider_name = string }))
}

resource "aws_cognito_identity_pool" "unknown_variable" {
  identity_pool_name = "unknown-variable"

  cognito_identity_providers {
    client_id               = "1example23456789"
    provider_name           = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example"
    server_side_token_check = var.token_check_unknown
  }
}

resource "aws_cognito_identity_pool" "unknown_dynamic" {
  identity_pool_name = "unknown-dynamic"

  dynamic "cognito_identity_providers" {
    for_each = var.providers_unknown
    content {
      client_id     = cognito_identity_providers.value.client_id
      provider_name = cognito_identity_providers.value.provider_name
    }
  }
}

# COG605 hard-coded-idp-secret cannot decide these identity providers, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "main"
}

variable "facebook_client_secret" {
  type = string
}

resource "aws_cognito_identity_provider" "unknown_variable" {
  user_pool_id  = aws_cognito_user_pool.main_unknown.id
  provider_name = "Facebook"
  provider_type = "Facebook"
  provider_details = {
    client_id        = "1234567890"
    client_secret    = var.facebook_client_secret
    authorize_scopes = "public_profile,email"
  }
}

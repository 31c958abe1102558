# COG605 hard-coded-idp-secret must stay silent on these identity providers (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "main"
}

variable "oidc_client_secret" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "google_idp" {
  secret_id = "google-idp"
}

resource "aws_cognito_identity_provider" "pass_data_source" {
  user_pool_id  = aws_cognito_user_pool.main_pass.id
  provider_name = "GoogleFromStore"
  provider_type = "Google"
  provider_details = {
    client_id        = "1234567890.apps.googleusercontent.com"
    client_secret    = jsondecode(data.aws_secretsmanager_secret_version.google_idp.secret_string)["client_secret"]
    authorize_scopes = "openid email"
  }
}

resource "aws_cognito_identity_provider" "pass_sensitive_variable" {
  user_pool_id  = aws_cognito_user_pool.main_pass.id
  provider_name = "PartnerOidc"
  provider_type = "OIDC"
  provider_details = {
    client_id                 = "partner-client"
    client_secret             = var.oidc_client_secret
    oidc_issuer               = "https://login.partner.example.com"
    attributes_request_method = "GET"
    authorize_scopes          = "openid"
  }
}

resource "aws_cognito_identity_provider" "pass_saml" {
  user_pool_id  = aws_cognito_user_pool.main_pass.id
  provider_name = "CorpSaml"
  provider_type = "SAML"
  provider_details = {
    MetadataURL = "https://idp.example.com/saml/metadata"
  }
}

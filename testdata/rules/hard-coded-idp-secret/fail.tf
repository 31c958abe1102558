# COG605 hard-coded-idp-secret must flag every fail_* identity provider (Terraform).

variable "oidc_secret_with_default" {
  type    = string
  default = "oidc-secret-in-the-module"
}

variable "use_secret_store" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "main" {
  name = "main"
}

resource "aws_cognito_identity_provider" "fail_literal_secret" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "Google"
  provider_type = "Google"
  provider_details = {
    client_id        = "1234567890.apps.googleusercontent.com"
    client_secret    = "GOCSPX-not-a-real-secret"
    authorize_scopes = "openid email"
  }
}

resource "aws_cognito_identity_provider" "fail_variable_default" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "CorpOidc"
  provider_type = "OIDC"
  provider_details = {
    client_id                 = "corp-client"
    client_secret             = var.oidc_secret_with_default
    oidc_issuer               = "https://login.example.com"
    attributes_request_method = "GET"
    authorize_scopes          = "openid"
  }
}

resource "aws_cognito_identity_provider" "fail_apple_key" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "SignInWithApple"
  provider_type = "SignInWithApple"
  provider_details = {
    client_id        = "com.example.web"
    team_id          = "TEAMID1234"
    key_id           = "KEYID12345"
    private_key      = "-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----"
    authorize_scopes = "email name"
  }
}

resource "aws_cognito_identity_provider" "fail_in_one_branch" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "LoginWithAmazon"
  provider_type = "LoginWithAmazon"
  provider_details = {
    client_id        = "amzn1.application-oa2-client.example"
    client_secret    = var.use_secret_store ? data.aws_secretsmanager_secret_version.amazon_idp.secret_string : "test-secret-in-the-module"
    authorize_scopes = "profile"
  }
}

data "aws_secretsmanager_secret_version" "amazon_idp" {
  secret_id = "amazon-idp"
}

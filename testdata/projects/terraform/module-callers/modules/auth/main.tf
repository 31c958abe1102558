variable "name" {
  type = string
}

variable "mfa" {
  type    = string
  default = "OFF"
}

variable "clients" {
  type    = set(string)
  default = ["web", "mobile"]
}

resource "aws_cognito_user_pool" "this" {
  name              = var.name
  mfa_configuration = var.mfa
}

resource "aws_cognito_user_pool_client" "app" {
  for_each                             = var.clients
  name                                 = each.key
  user_pool_id                         = aws_cognito_user_pool.this.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["implicit"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://app.example.com/callback"]
  supported_identity_providers         = ["COGNITO"]
  prevent_user_existence_errors        = "ENABLED"
}

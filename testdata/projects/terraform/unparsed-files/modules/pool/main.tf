resource "aws_cognito_user_pool" "main" {
  name                = "pool"
  mfa_configuration   = local.mfa
  deletion_protection = try(var.deletion_protection, "INACTIVE")

  user_pool_add_ons {
    advanced_security_mode = var.advanced_security_mode
  }
}

# Still checked from this file: an implicit grant written here.
resource "aws_cognito_user_pool_client" "fail_spa" {
  name                                 = "spa"
  user_pool_id                         = aws_cognito_user_pool.main.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["implicit"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://app.example.com/callback"]
}

resource "aws_cognito_user_pool" "main" {
  name              = "users"
  mfa_configuration = "ON"
}

resource "aws_cognito_user_pool" "other" {
  name              = "other"
  mfa_configuration = "ON"
}

# A registry module given the pool, not installed: what it attaches to `main` is not seen.
module "waf" {
  source       = "example/cognito-waf/aws"
  version      = "1.0.0"
  resource_arn = aws_cognito_user_pool.main.arn
}

# Installed by `terraform init`: followed, and its pool checked through this call.
module "auth" {
  source  = "example/cognito/aws"
  version = "2.0.0"
  mfa     = "OFF"
}

# Not installed, and given no pool: listed, and nothing else changes.
module "network" {
  source = "git::https://example.com/network.git?ref=v1"
}

# Parity case `defaults` - nothing security-related is set, AWS defaults apply.

resource "aws_cognito_user_pool" "user_pool" {
  name = "defaults"
}

resource "aws_cognito_user_pool_client" "app_client" {
  name         = "app"
  user_pool_id = aws_cognito_user_pool.user_pool.id
}

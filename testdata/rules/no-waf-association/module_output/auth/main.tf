resource "aws_cognito_user_pool" "main" {
  name = "main"
}

output "user_pool_arn" {
  value = aws_cognito_user_pool.main.arn
}

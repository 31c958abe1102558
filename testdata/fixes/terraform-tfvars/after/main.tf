variable "revocation" {
  type = bool
}

variable "existence_errors" {
  type = string
}

resource "aws_cognito_user_pool" "p" {
  name                = "p"
  deletion_protection = "ACTIVE"
}

resource "aws_cognito_user_pool_client" "c" {
  name                          = "c"
  user_pool_id                  = aws_cognito_user_pool.p.id
  prevent_user_existence_errors = var.existence_errors
  enable_token_revocation       = var.revocation
}

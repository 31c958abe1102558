# COG305 client-id-token-lifetime cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "id_token_validity_unknown" {
  type = number
}

variable "id_token_unit_unknown" {
  type = string
}

resource "aws_cognito_user_pool_client" "unknown_variable" {
  name              = "unknown-variable"
  user_pool_id      = aws_cognito_user_pool.main_unknown.id
  id_token_validity = var.id_token_validity_unknown
}

resource "aws_cognito_user_pool_client" "unknown_unit" {
  name              = "unknown-unit"
  user_pool_id      = aws_cognito_user_pool.main_unknown.id
  id_token_validity = 8
  token_validity_units {
    id_token = var.id_token_unit_unknown
  }
}

variable "name" {
  type = string
}

variable "protection" {
  type    = string
  default = "ACTIVE"
}

resource "aws_cognito_user_pool" "this" {
  name                = var.name
  deletion_protection = var.protection
}

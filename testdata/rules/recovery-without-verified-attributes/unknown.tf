# COG505 recovery-without-verified-attributes cannot decide these user pools, and must stay silent (Terraform).

variable "verified_unknown" {
  type = list(string)
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name                     = "unknown-variable"
  auto_verified_attributes = var.verified_unknown
}

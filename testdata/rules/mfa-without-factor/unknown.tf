# COG103 mfa-without-factor cannot decide these user pools, and must stay silent (Terraform).

variable "totp_unknown" {
  type = bool
}

resource "aws_cognito_user_pool" "unknown_totp" {
  name              = "unknown-totp"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = var.totp_unknown
  }
}

# COG401 identity-pool-guest-access must stay silent on these identity pools (Terraform).

variable "allow_guests_pass" {
  type    = bool
  default = false
}

resource "aws_cognito_identity_pool" "pass_omitted" {
  identity_pool_name = "provider-default-false"
}

resource "aws_cognito_identity_pool" "pass_explicit" {
  identity_pool_name               = "signed-in-only"
  allow_unauthenticated_identities = false
}

resource "aws_cognito_identity_pool" "pass_from_variable" {
  identity_pool_name               = "variable-no-guests"
  allow_unauthenticated_identities = var.allow_guests_pass
}

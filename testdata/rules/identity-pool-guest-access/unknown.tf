# COG401 identity-pool-guest-access cannot decide these identity pools, and must stay silent (Terraform).

variable "allow_guests_unknown" {
  type = bool
}

data "aws_ssm_parameter" "allow_guests_unknown" {
  name = "/cognito/allow-guests"
}

resource "aws_cognito_identity_pool" "unknown_variable" {
  identity_pool_name               = "unknown-variable"
  allow_unauthenticated_identities = var.allow_guests_unknown
}

resource "aws_cognito_identity_pool" "unknown_data_source" {
  identity_pool_name               = "unknown-data-source"
  allow_unauthenticated_identities = data.aws_ssm_parameter.allow_guests_unknown.value
}

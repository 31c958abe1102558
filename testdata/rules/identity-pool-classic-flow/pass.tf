# COG402 identity-pool-classic-flow must stay silent on these identity pools (Terraform).

variable "allow_classic_pass" {
  type    = bool
  default = false
}

resource "aws_cognito_identity_pool" "pass_omitted" {
  identity_pool_name = "provider-default-false"
}

resource "aws_cognito_identity_pool" "pass_explicit" {
  identity_pool_name               = "enhanced-only"
  allow_classic_flow = false
}

resource "aws_cognito_identity_pool" "pass_from_variable" {
  identity_pool_name               = "variable-no-classic"
  allow_classic_flow = var.allow_classic_pass
}

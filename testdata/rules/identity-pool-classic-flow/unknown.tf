# COG402 identity-pool-classic-flow cannot decide these identity pools, and must stay silent (Terraform).

variable "allow_classic_unknown" {
  type = bool
}

data "aws_ssm_parameter" "allow_classic_unknown" {
  name = "/cognito/allow-classic"
}

resource "aws_cognito_identity_pool" "unknown_variable" {
  identity_pool_name               = "unknown-variable"
  allow_classic_flow = var.allow_classic_unknown
}

resource "aws_cognito_identity_pool" "unknown_data_source" {
  identity_pool_name               = "unknown-data-source"
  allow_classic_flow = data.aws_ssm_parameter.allow_classic_unknown.value
}

# COG601 deletion-protection-off cannot decide these user pools, and must stay silent (Terraform).

variable "protection_unknown" {
  type = string
}

data "aws_ssm_parameter" "protection_unknown" {
  name = "/cognito/deletion-protection"
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name                = "unknown-variable"
  deletion_protection = var.protection_unknown
}

resource "aws_cognito_user_pool" "unknown_data_source" {
  name                = "unknown-data-source"
  deletion_protection = data.aws_ssm_parameter.protection_unknown.value
}

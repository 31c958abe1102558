# COG111 password-character-classes cannot decide these user pools, and must stay silent (Terraform).

variable "require_uppercase_unknown" {
  type = bool
}

data "aws_ssm_parameter" "require_lowercase_unknown" {
  name = "/cognito/password-require-lowercase"
}

locals {
  require_numbers_file_unknown = "${path.module}/password-require-numbers.txt"
}

resource "aws_cognito_user_pool" "unknown_flags" {
  name = "unknown-flags"
  password_policy {
    require_lowercase = data.aws_ssm_parameter.require_lowercase_unknown.value
    require_numbers = (
      fileexists(local.require_numbers_file_unknown)
      ? tobool(trimspace(file(local.require_numbers_file_unknown)))
      : true
    )
    require_uppercase = var.require_uppercase_unknown
  }
}

# COG504 username-case-sensitive cannot decide these user pools, and must stay silent (Terraform).

variable "case_sensitive_unknown" {
  type = bool
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name = "unknown-variable"
  username_configuration {
    case_sensitive = var.case_sensitive_unknown
  }
}

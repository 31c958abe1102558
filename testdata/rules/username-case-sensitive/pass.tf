# COG504 username-case-sensitive must stay silent on these user pools (Terraform).

variable "case_sensitive_pass" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "pass_insensitive" {
  name                = "insensitive"
  username_attributes = ["email"]
  username_configuration {
    case_sensitive = false
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "from-variable"
  username_configuration {
    case_sensitive = var.case_sensitive_pass
  }
}

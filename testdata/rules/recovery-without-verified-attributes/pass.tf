# COG505 recovery-without-verified-attributes must stay silent on these user pools (Terraform).

variable "verified_pass" {
  type    = list(string)
  default = ["email"]
}

resource "aws_cognito_user_pool" "pass_verified" {
  name                     = "verified"
  auto_verified_attributes = ["email"]
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name                     = "variable"
  auto_verified_attributes = var.verified_pass
}

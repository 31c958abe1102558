# COG601 deletion-protection-off must stay silent on these user pools (Terraform).

variable "protection_pass" {
  type    = string
  default = "ACTIVE"
}

resource "aws_cognito_user_pool" "pass_active" {
  name                = "active"
  deletion_protection = "ACTIVE"
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name                = "from-variable"
  deletion_protection = var.protection_pass
}

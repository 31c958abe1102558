# COG001 invalid-enum-value must stay silent on these resources (Terraform).

variable "mfa_mode_pass" {
  type    = string
  default = "OPTIONAL"
}

resource "aws_cognito_user_pool" "pass_exact_values" {
  name              = "exact"
  mfa_configuration = "ON"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name              = "variable"
  mfa_configuration = var.mfa_mode_pass
}

resource "aws_cognito_user_pool_client" "pass_client" {
  name                = "client"
  user_pool_id        = aws_cognito_user_pool.pass_exact_values.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}

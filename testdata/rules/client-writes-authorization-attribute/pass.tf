# COG311 client-writes-authorization-attribute must stay silent on these app clients (Terraform).

variable "write_attributes_pass" {
  type    = list(string)
  default = ["email", "name"]
}

resource "aws_cognito_user_pool_client" "pass_standard_writes" {
  name             = "standard-writes"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = ["email", "name", "custom:plan", "custom:group_name"]
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name             = "variable-writes"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = var.write_attributes_pass
}

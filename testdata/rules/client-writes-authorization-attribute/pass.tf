# COG311 client-writes-authorization-attribute must stay silent on these app clients (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "web-users"

  schema {
    name                = "role"
    attribute_data_type = "String"
    mutable             = true
  }

  schema {
    name                = "tenant_id"
    attribute_data_type = "String"
    mutable             = true
  }

  # Without `mutable`, the attribute is immutable.
  schema {
    name                = "group_name"
    attribute_data_type = "String"
  }

  schema {
    name                = "plan"
    attribute_data_type = "String"
    mutable             = false
  }
}

variable "write_attributes_pass" {
  type    = list(string)
  default = ["email", "name"]
}

resource "aws_cognito_user_pool_client" "pass_standard_writes" {
  name             = "standard-writes"
  user_pool_id     = aws_cognito_user_pool.main_pass.id
  write_attributes = ["email", "name", "custom:plan", "custom:group_name"]
}

resource "aws_cognito_user_pool_client" "pass_from_variable" {
  name             = "variable-writes"
  user_pool_id     = aws_cognito_user_pool.main_pass.id
  write_attributes = var.write_attributes_pass
}

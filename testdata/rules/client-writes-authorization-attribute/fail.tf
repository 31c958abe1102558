# COG311 client-writes-authorization-attribute must flag every fail_ app client (Terraform).

variable "write_attributes_fail" {
  type    = list(string)
  default = ["email", "custom:role"]
}

variable "self_service_fail" {
  type = bool
}

locals {
  write_attributes_local_fail = ["name", "custom:tenant_id"]
}

resource "aws_cognito_user_pool" "main" {
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

resource "aws_cognito_user_pool_client" "fail_omitted" {
  name         = "defaults"
  user_pool_id = aws_cognito_user_pool.main.id
}

resource "aws_cognito_user_pool_client" "fail_listed" {
  name         = "writes-role"
  user_pool_id = aws_cognito_user_pool.main.id
  write_attributes = [
    "email",
    "custom:role",
  ]
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name             = "variable-writes"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = var.write_attributes_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name             = "local-writes"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = local.write_attributes_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name             = "branch-writes"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = var.self_service_fail ? ["email", "custom:role"] : ["email"]
}

resource "aws_cognito_user_pool_client" "pass_immutable" {
  name             = "writes-plan"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = ["email", "custom:plan"]
}

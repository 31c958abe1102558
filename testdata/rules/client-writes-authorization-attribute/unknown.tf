# COG311 client-writes-authorization-attribute cannot decide these app clients, and must stay silent (Terraform).

variable "user_pool_id_unknown" {
  type = string
}

data "aws_cognito_user_pool" "shared_unknown" {
  user_pool_id = "eu-west-1_example"
}

resource "aws_cognito_user_pool_client" "unknown_variable_pool" {
  name         = "unknown-variable-pool"
  user_pool_id = var.user_pool_id_unknown
}

resource "aws_cognito_user_pool_client" "unknown_data_source_pool" {
  name             = "unknown-data-source-pool"
  user_pool_id     = data.aws_cognito_user_pool.shared_unknown.id
  write_attributes = ["custom:role"]
}

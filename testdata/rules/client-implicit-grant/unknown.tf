# COG301 client-implicit-grant cannot decide these app clients, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "web-users"
}

variable "flows_unknown" {
  type = list(string)
}

data "aws_ssm_parameter" "extra_flow_unknown" {
  name = "/cognito/extra-oauth-flow"
}

locals {
  flows_file_unknown = "${path.module}/oauth-flows.json"
}

resource "aws_cognito_user_pool_client" "unknown_list_variable" {
  name                = "unknown-list-variable"
  user_pool_id        = aws_cognito_user_pool.main_unknown.id
  allowed_oauth_flows = var.flows_unknown
}

resource "aws_cognito_user_pool_client" "unknown_data_source_item" {
  name                = "unknown-data-source-item"
  user_pool_id        = aws_cognito_user_pool.main_unknown.id
  allowed_oauth_flows = ["code", data.aws_ssm_parameter.extra_flow_unknown.value]
}

resource "aws_cognito_user_pool_client" "unknown_function" {
  name         = "unknown-function"
  user_pool_id = aws_cognito_user_pool.main_unknown.id
  allowed_oauth_flows = (
    fileexists(local.flows_file_unknown)
    ? jsondecode(file(local.flows_file_unknown))
    : ["code"]
  )
}

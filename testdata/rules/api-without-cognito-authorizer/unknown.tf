# COG607 api-without-cognito-authorizer cannot decide these methods, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "main"
}

resource "aws_api_gateway_rest_api" "orders_unknown" {
  name = "orders"
}

variable "reports_authorization" {
  type = string
}

resource "aws_api_gateway_method" "unknown_variable" {
  rest_api_id   = aws_api_gateway_rest_api.orders_unknown.id
  resource_id   = aws_api_gateway_rest_api.orders_unknown.root_resource_id
  http_method   = "PATCH"
  authorization = var.reports_authorization
}

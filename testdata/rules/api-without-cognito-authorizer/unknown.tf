# COG607 api-without-cognito-authorizer cannot decide these methods, and must stay silent (Terraform).

variable "reports_authorization" {
  type = string
}

resource "aws_api_gateway_method" "unknown_variable" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "PATCH"
  authorization = var.reports_authorization
}

# COG607 api-without-cognito-authorizer must flag every fail_* method and route (Terraform).

variable "orders_authorization" {
  type    = string
  default = "NONE"
}

variable "production" {
  type    = bool
  default = false
}

resource "aws_cognito_user_pool" "main" {
  name = "main"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_method" "fail_method_none" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "fail_from_variable" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "PUT"
  authorization = var.orders_authorization
}

resource "aws_api_gateway_method" "fail_in_one_branch" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "DELETE"
  authorization = var.production ? "COGNITO_USER_POOLS" : "NONE"
}

resource "aws_apigatewayv2_route" "fail_route_omitted" {
  api_id    = "ghi789"
  route_key = "GET /orders"
}

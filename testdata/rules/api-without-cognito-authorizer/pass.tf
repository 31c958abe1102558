# COG607 api-without-cognito-authorizer must stay silent on these methods and routes (Terraform).

resource "aws_api_gateway_rest_api" "orders_pass" {
  name = "orders"
}

resource "aws_cognito_user_pool" "main_pass" {
  name = "main"
}

resource "aws_api_gateway_authorizer" "cognito" {
  name          = "cognito"
  rest_api_id   = aws_api_gateway_rest_api.orders_pass.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.main_pass.arn]
}

resource "aws_api_gateway_method" "pass_cognito_authorizer" {
  rest_api_id   = aws_api_gateway_rest_api.orders_pass.id
  resource_id   = aws_api_gateway_rest_api.orders_pass.root_resource_id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_method" "pass_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.orders_pass.id
  resource_id   = aws_api_gateway_rest_api.orders_pass.root_resource_id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_apigatewayv2_route" "pass_route_jwt" {
  api_id             = "ghi789"
  route_key          = "POST /orders"
  authorization_type = "JWT"
  authorizer_id      = "jkl012"
}

# A method without authorization, in another file of the module that declares the user pool.

resource "aws_api_gateway_method" "fail_open_orders" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "pass_preflight" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "OPTIONS"
  authorization = "NONE"
}

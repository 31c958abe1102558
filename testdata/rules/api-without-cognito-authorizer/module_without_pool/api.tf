# A public API in a module without a user pool: not flagged.

resource "aws_api_gateway_method" "pass_public_status" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "GET"
  authorization = "NONE"
}

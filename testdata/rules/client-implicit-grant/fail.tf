# COG301 client-implicit-grant must flag every fail_ app client (Terraform).

variable "flows_fail" {
  type    = list(string)
  default = ["code", "implicit"]
}

variable "legacy_spa_fail" {
  type = bool
}

locals {
  flows_local_fail = ["code", "implicit"]
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_implicit_only" {
  name                                 = "spa"
  user_pool_id                         = aws_cognito_user_pool.main.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["implicit"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://app.example.org/callback"]
  supported_identity_providers         = ["COGNITO"]
}

resource "aws_cognito_user_pool_client" "fail_code_and_implicit" {
  name         = "code-and-implicit"
  user_pool_id = aws_cognito_user_pool.main.id
  allowed_oauth_flows = [
    "code",
    "implicit",
  ]
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name                = "variable-flows"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = var.flows_fail
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name                = "local-flows"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = local.flows_local_fail
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name                = "branch-flows"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = var.legacy_spa_fail ? ["code", "implicit"] : ["code"]
}

resource "aws_cognito_user_pool_client" "fail_count" {
  count               = 2
  name                = "counted-${count.index}"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = ["implicit"]
}

resource "aws_cognito_user_pool_client" "fail_each" {
  for_each            = toset(["a", "b"])
  name                = "tenant-${each.key}"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = ["code", "implicit"]
}

resource "aws_cognito_user_pool_client" "pass_count_zero" {
  count               = 0
  name                = "never-created"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = ["implicit"]
}

resource "aws_cognito_user_pool_client" "pass_code_only" {
  name                = "code-only"
  user_pool_id        = aws_cognito_user_pool.main.id
  allowed_oauth_flows = ["code"]
}

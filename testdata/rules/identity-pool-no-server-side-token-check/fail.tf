# COG407 identity-pool-no-server-side-token-check must flag every fail_ identity pool (Terraform).

variable "token_check_fail" {
  type    = bool
  default = false
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_cognito_identity_pool" "fail_check_off" {
  identity_pool_name = "check-off"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = false
  }
}

resource "aws_cognito_identity_pool" "fail_check_omitted" {
  identity_pool_name = "check-omitted"

  cognito_identity_providers {
    client_id     = aws_cognito_user_pool_client.web.id
    provider_name = aws_cognito_user_pool.users.endpoint
  }
}

resource "aws_cognito_identity_pool" "fail_second_provider" {
  identity_pool_name = "second-provider"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = true
  }

  cognito_identity_providers {
    client_id               = "1example23456789"
    provider_name           = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example"
    server_side_token_check = false
  }
}

resource "aws_cognito_identity_pool" "fail_from_variable" {
  identity_pool_name = "variable-check"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = var.token_check_fail
  }
}

resource "aws_cognito_identity_pool" "fail_in_one_branch" {
  identity_pool_name = "branch-check"

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.users.endpoint
    server_side_token_check = var.strict_fail ? true : false
  }
}

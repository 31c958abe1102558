# COG308 client-refresh-token-rotation-off must flag every fail_ app client (Terraform).

variable "rotation_fail" {
  type    = string
  default = "DISABLED"
}

variable "legacy_refresh_fail" {
  type = bool
}

locals {
  rotation_local_fail = "DISABLED"
}

resource "aws_cognito_user_pool" "main" {
  name = "web-users"
}

resource "aws_cognito_user_pool_client" "fail_omitted" {
  name         = "defaults"
  user_pool_id = aws_cognito_user_pool.main.id
}

resource "aws_cognito_user_pool_client" "fail_disabled" {
  name         = "rotation-off"
  user_pool_id = aws_cognito_user_pool.main.id
  refresh_token_rotation {
    feature = "DISABLED"
  }
}

resource "aws_cognito_user_pool_client" "fail_from_variable" {
  name         = "variable-rotation"
  user_pool_id = aws_cognito_user_pool.main.id
  refresh_token_rotation {
    feature = var.rotation_fail
  }
}

resource "aws_cognito_user_pool_client" "fail_from_local" {
  name         = "local-rotation"
  user_pool_id = aws_cognito_user_pool.main.id
  refresh_token_rotation {
    feature = local.rotation_local_fail
  }
}

resource "aws_cognito_user_pool_client" "fail_in_one_branch" {
  name         = "branch-rotation"
  user_pool_id = aws_cognito_user_pool.main.id
  refresh_token_rotation {
    feature                    = var.legacy_refresh_fail ? "DISABLED" : "ENABLED"
    retry_grace_period_seconds = 10
  }
}

# COG501 self-sign-up-enabled must flag every fail_ user pool (Terraform).

variable "admin_only_fail" {
  type    = bool
  default = false
}

variable "internal_fail" {
  type = bool
}

locals {
  admin_only_local_fail = false
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name = "open-by-default"
}

resource "aws_cognito_user_pool" "fail_block_without_flag" {
  name = "block-without-flag"
  admin_create_user_config {
    invite_message_template {
      email_subject = "Welcome"
    }
  }
}

resource "aws_cognito_user_pool" "fail_explicit" {
  name = "explicit-open"
  admin_create_user_config {
    allow_admin_create_user_only = false
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable-open"
  admin_create_user_config {
    allow_admin_create_user_only = var.admin_only_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local-open"
  admin_create_user_config {
    allow_admin_create_user_only = local.admin_only_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "branch-open"
  admin_create_user_config {
    allow_admin_create_user_only = var.internal_fail ? true : false
  }
}

resource "aws_cognito_user_pool" "fail_count" {
  count = 2
  name  = "counted-${count.index}"
}

resource "aws_cognito_user_pool" "pass_count_zero" {
  count = 0
  name  = "never-created"
}

# Medium: an identity pool hands AWS credentials to this pool's users.
resource "aws_cognito_user_pool" "fail_behind_identity_pool" {
  name = "behind-identity-pool"
}

resource "aws_cognito_identity_pool" "credentials" {
  identity_pool_name               = "credentials"
  allow_unauthenticated_identities = false
  cognito_identity_providers {
    provider_name = aws_cognito_user_pool.fail_behind_identity_pool.endpoint
    client_id     = "example-client-id"
  }
}

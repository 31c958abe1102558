# COG401 identity-pool-guest-access must flag every fail_ identity pool (Terraform).

variable "allow_guests_fail" {
  type    = bool
  default = true
}

variable "public_fail" {
  type = bool
}

locals {
  guests_local_fail = true
}

resource "aws_cognito_identity_pool" "fail_explicit" {
  identity_pool_name               = "explicit-guests"
  allow_unauthenticated_identities = true
}

resource "aws_cognito_identity_pool" "fail_from_variable" {
  identity_pool_name               = "variable-guests"
  allow_unauthenticated_identities = var.allow_guests_fail
}

resource "aws_cognito_identity_pool" "fail_from_local" {
  identity_pool_name               = "local-guests"
  allow_unauthenticated_identities = local.guests_local_fail
}

resource "aws_cognito_identity_pool" "fail_in_one_branch" {
  identity_pool_name               = "branch-guests"
  allow_unauthenticated_identities = var.public_fail ? true : false
}

resource "aws_cognito_identity_pool" "fail_each" {
  for_each                         = toset(["a", "b"])
  identity_pool_name               = "tenant-${each.key}"
  allow_unauthenticated_identities = true
}

# COG402 identity-pool-classic-flow must flag every fail_ identity pool (Terraform).

variable "allow_classic_fail" {
  type    = bool
  default = true
}

variable "public_fail" {
  type = bool
}

locals {
  classic_local_fail = true
}

resource "aws_cognito_identity_pool" "fail_explicit" {
  identity_pool_name               = "explicit-classic"
  allow_classic_flow = true
}

resource "aws_cognito_identity_pool" "fail_from_variable" {
  identity_pool_name               = "variable-classic"
  allow_classic_flow = var.allow_classic_fail
}

resource "aws_cognito_identity_pool" "fail_from_local" {
  identity_pool_name               = "local-classic"
  allow_classic_flow = local.classic_local_fail
}

resource "aws_cognito_identity_pool" "fail_in_one_branch" {
  identity_pool_name               = "branch-classic"
  allow_classic_flow = var.public_fail ? true : false
}

resource "aws_cognito_identity_pool" "fail_each" {
  for_each                         = toset(["a", "b"])
  identity_pool_name               = "tenant-${each.key}"
  allow_classic_flow = true
}

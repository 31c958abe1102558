# COG601 deletion-protection-off must flag every fail_ user pool (Terraform).

variable "protection_fail" {
  type    = string
  default = "INACTIVE"
}

variable "production_fail" {
  type = bool
}

locals {
  protection_local_fail = "INACTIVE"
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name = "no-protection-written"
}

resource "aws_cognito_user_pool" "fail_inactive" {
  name                = "inactive"
  deletion_protection = "INACTIVE"
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name                = "from-variable"
  deletion_protection = var.protection_fail
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name                = "from-local"
  deletion_protection = local.protection_local_fail
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name                = "one-branch"
  deletion_protection = var.production_fail ? "ACTIVE" : "INACTIVE"
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
}

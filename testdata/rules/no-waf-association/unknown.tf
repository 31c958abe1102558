# COG602 no-waf-association cannot decide these user pools, and must stay silent (Terraform).
# When `protect_pool_unknown` is false, the association targets a resource given by a variable
# without a value: it may be any pool of the module.

variable "protect_pool_unknown" {
  type = bool
}

variable "protected_resource_arn_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_target" {
  name = "unknown-target"
}

resource "aws_wafv2_web_acl_association" "unknown_target" {
  resource_arn = var.protect_pool_unknown ? aws_cognito_user_pool.unknown_target.arn : var.protected_resource_arn_unknown
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd"
}

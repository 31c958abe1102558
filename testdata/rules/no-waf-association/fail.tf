# COG602 no-waf-association must flag every fail_ user pool (Terraform). The three .tf files
# of this directory are one module: unknown.tf's association, whose target is unknown when
# `protect_pool_unknown` is false, leaves these pools undecided in that case, so they are
# flagged for the case where it is true.

variable "protected_resource_arn_fail" {
  type    = string
  default = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
}

variable "prod_fail" {
  type = bool
}

resource "aws_cognito_user_pool" "fail_no_association" {
  name = "no-association"
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123", "subnet-4567"]
}

resource "aws_cognito_user_pool" "fail_only_load_balancer_protected" {
  name = "only-load-balancer-protected"
}

resource "aws_wafv2_web_acl_association" "load_balancer" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/web/0123abcd"
}

# The variable's value names a resource outside the module, not this pool.
resource "aws_cognito_user_pool" "fail_target_from_variable" {
  name = "target-from-variable"
}

resource "aws_wafv2_web_acl_association" "from_variable" {
  resource_arn = var.protected_resource_arn_fail
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/web/0123abcd"
}

resource "aws_cognito_user_pool" "fail_associated_in_one_branch" {
  name = "associated-in-one-branch"
}

resource "aws_wafv2_web_acl_association" "in_one_branch" {
  resource_arn = var.prod_fail ? aws_cognito_user_pool.fail_associated_in_one_branch.arn : aws_lb.web.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd"
}

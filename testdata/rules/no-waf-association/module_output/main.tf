# The pool is created in a called module; the association names it through a module output,
# which is not followed: the pool is undecided, not flagged.
module "auth" {
  source = "./auth"
}

resource "aws_wafv2_web_acl_association" "auth" {
  resource_arn = module.auth.user_pool_arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd"
}

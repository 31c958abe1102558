resource "aws_wafv2_web_acl_association" "auth" {
  resource_arn = aws_cognito_user_pool.pass_protected_from_another_file.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd"
}

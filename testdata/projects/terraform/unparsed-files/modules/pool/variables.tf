variable "advanced_security_mode" {
  type    = string
  default = "OFF"
}

variable "deletion_protection" {
  type    = string
  default = "ACTIVE"
}

locals {
  mfa = "ON"
  waf = {
    arn = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/users/1"
  
}

resource "aws_wafv2_web_acl_association" "users" {
  resource_arn = aws_cognito_user_pool.main.arn
  web_acl_arn  = local.waf.arn
}

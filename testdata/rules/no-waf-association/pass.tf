# COG602 no-waf-association must stay silent on these user pools (Terraform).

resource "aws_cognito_user_pool" "pass_associated" {
  name = "associated"
}

resource "aws_wafv2_web_acl" "auth" {
  name  = "auth"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "auth"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "pass_associated" {
  resource_arn = aws_cognito_user_pool.pass_associated.arn
  web_acl_arn  = aws_wafv2_web_acl.auth.arn
}

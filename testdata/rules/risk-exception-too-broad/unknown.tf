# COG207 risk-exception-too-broad cannot decide these risk configurations, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "enforced_unknown" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

variable "skipped_ranges_unknown" {
  type = list(string)
}

data "aws_ip_ranges" "unknown" {
  services = ["cloudfront"]
}

resource "aws_cognito_risk_configuration" "unknown_variable" {
  user_pool_id = aws_cognito_user_pool.enforced_unknown.id
  risk_exception_configuration {
    skipped_ip_range_list = var.skipped_ranges_unknown
  }
}

resource "aws_cognito_risk_configuration" "unknown_data_source" {
  user_pool_id = aws_cognito_user_pool.enforced_unknown.id
  risk_exception_configuration {
    skipped_ip_range_list = data.aws_ip_ranges.unknown.cidr_blocks
  }
}

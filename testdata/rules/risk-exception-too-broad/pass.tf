# COG207 risk-exception-too-broad must stay silent on these risk configurations (Terraform).

resource "aws_cognito_user_pool" "enforced_pass" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

variable "skipped_range_pass" {
  type    = string
  default = "203.0.113.0/28"
}

resource "aws_cognito_risk_configuration" "pass_narrow_ranges" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  risk_exception_configuration {
    skipped_ip_range_list = ["203.0.113.0/28", "2001:db8::/48"]
  }
}

resource "aws_cognito_risk_configuration" "pass_from_variable" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  risk_exception_configuration {
    skipped_ip_range_list = [var.skipped_range_pass]
  }
}

resource "aws_cognito_risk_configuration" "pass_block_list_only" {
  user_pool_id = aws_cognito_user_pool.enforced_pass.id
  risk_exception_configuration {
    blocked_ip_range_list = ["0.0.0.0/1"]
  }
}

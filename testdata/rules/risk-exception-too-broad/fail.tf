# COG207 risk-exception-too-broad must flag every fail_ risk configuration (Terraform).

variable "skipped_range_fail" {
  type    = string
  default = "10.0.0.0/8"
}

variable "strict_fail" {
  type = bool
}

locals {
  skipped_ranges_fail = ["203.0.113.0/28", "0.0.0.0/0"]
}

resource "aws_cognito_user_pool" "enforced" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_risk_configuration" "fail_everything" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  risk_exception_configuration {
    skipped_ip_range_list = ["203.0.113.0/28", "0.0.0.0/0"]
  }
}

resource "aws_cognito_risk_configuration" "fail_from_variable" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  risk_exception_configuration {
    skipped_ip_range_list = [var.skipped_range_fail]
  }
}

resource "aws_cognito_risk_configuration" "fail_from_local" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  risk_exception_configuration {
    skipped_ip_range_list = local.skipped_ranges_fail
  }
}

resource "aws_cognito_risk_configuration" "fail_in_one_branch" {
  user_pool_id = aws_cognito_user_pool.enforced.id
  risk_exception_configuration {
    skipped_ip_range_list = var.strict_fail ? ["203.0.113.0/28"] : ["::/0"]
  }
}

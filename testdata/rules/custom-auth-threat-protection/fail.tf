# COG203 custom-auth-threat-protection must flag every fail_ user pool (Terraform).

variable "custom_auth_mode_fail" {
  type    = string
  default = "AUDIT"
}

variable "strict_fail" {
  type = bool
}

locals {
  custom_auth_mode_local_fail = "AUDIT"
}

resource "aws_lambda_function" "define_challenge" {
  function_name = "define-auth-challenge"
  role          = "arn:aws:iam::111111111111:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "define.zip"
}

resource "aws_cognito_user_pool" "fail_mode_omitted" {
  name           = "mode-omitted"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
  lambda_config {
    define_auth_challenge          = aws_lambda_function.define_challenge.arn
    create_auth_challenge          = "arn:aws:lambda:eu-west-1:111111111111:function:create"
    verify_auth_challenge_response = "arn:aws:lambda:eu-west-1:111111111111:function:verify"
  }
}

resource "aws_cognito_user_pool" "fail_audit" {
  name = "audit"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = "AUDIT"
    }
  }
  lambda_config {
    define_auth_challenge = aws_lambda_function.define_challenge.arn
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "from-variable"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = var.custom_auth_mode_fail
    }
  }
  lambda_config {
    create_auth_challenge = "arn:aws:lambda:eu-west-1:111111111111:function:create"
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "from-local"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = local.custom_auth_mode_local_fail
    }
  }
  lambda_config {
    verify_auth_challenge_response = "arn:aws:lambda:eu-west-1:111111111111:function:verify"
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "one-branch"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = var.strict_fail ? "ENFORCED" : "AUDIT"
    }
  }
  lambda_config {
    define_auth_challenge = aws_lambda_function.define_challenge.arn
  }
}

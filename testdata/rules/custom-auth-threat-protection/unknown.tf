# COG203 custom-auth-threat-protection cannot decide these user pools, and must stay silent (Terraform).

resource "aws_lambda_function" "define_challenge_unknown" {
  function_name = "define-auth-challenge"
  role          = "arn:aws:iam::111111111111:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "define.zip"
}

variable "custom_auth_mode_unknown" {
  type = string
}

variable "standard_mode_unknown" {
  type = string
}

resource "aws_cognito_user_pool" "unknown_mode" {
  name = "unknown-mode"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = var.custom_auth_mode_unknown
    }
  }
  lambda_config {
    define_auth_challenge = aws_lambda_function.define_challenge_unknown.arn
  }
}

resource "aws_cognito_user_pool" "unknown_standard_mode" {
  name = "unknown-standard-mode"
  user_pool_add_ons {
    advanced_security_mode = var.standard_mode_unknown
  }
  lambda_config {
    define_auth_challenge = "arn:aws:lambda:eu-west-1:111111111111:function:define"
  }
}

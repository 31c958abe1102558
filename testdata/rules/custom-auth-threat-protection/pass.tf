# COG203 custom-auth-threat-protection must stay silent on these user pools (Terraform).

resource "aws_lambda_function" "define_challenge_pass" {
  function_name = "define-auth-challenge"
  role          = "arn:aws:iam::111111111111:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "define.zip"
}

variable "custom_auth_mode_pass" {
  type    = string
  default = "ENFORCED"
}

resource "aws_cognito_user_pool" "pass_enforced" {
  name           = "enforced"
  user_pool_tier = "PLUS"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = "ENFORCED"
    }
  }
  lambda_config {
    define_auth_challenge = aws_lambda_function.define_challenge_pass.arn
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "from-variable"
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
    advanced_security_additional_flows {
      custom_auth_mode = var.custom_auth_mode_pass
    }
  }
  lambda_config {
    create_auth_challenge = "arn:aws:lambda:eu-west-1:111111111111:function:create"
  }
}

resource "aws_cognito_user_pool" "pass_other_triggers_only" {
  name = "other-triggers"
  lambda_config {
    pre_sign_up = "arn:aws:lambda:eu-west-1:111111111111:function:pre-sign-up"
  }
}

# The old rule flagged these two pools ("AUDIT" for a pool whose threat protection is off):
# COG201 and COG202 report them, with the fix that comes first.
resource "aws_cognito_user_pool" "pass_threat_protection_off" {
  name = "threat-protection-off"
  lambda_config {
    define_auth_challenge = "arn:aws:lambda:eu-west-1:111111111111:function:define"
  }
}

resource "aws_cognito_user_pool" "pass_threat_protection_audit" {
  name = "threat-protection-audit"
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
  lambda_config {
    define_auth_challenge = "arn:aws:lambda:eu-west-1:111111111111:function:define"
  }
}

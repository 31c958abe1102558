# COG502 recovery-via-sms must stay silent on these user pools (Terraform).

variable "recovery_name_pass" {
  type    = string
  default = "verified_email"
}

resource "aws_cognito_user_pool" "pass_admin_only" {
  name = "admin-only"
  account_recovery_setting {
    recovery_mechanism {
      name     = "admin_only"
      priority = 1
    }
  }
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name = "variable"
  account_recovery_setting {
    recovery_mechanism {
      name     = var.recovery_name_pass
      priority = 1
    }
  }
}

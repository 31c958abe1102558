# COG502 recovery-via-sms must flag every fail_ user pool (Terraform).

variable "recovery_name_fail" {
  type    = string
  default = "verified_phone_number"
}

variable "email_first_fail" {
  type = bool
}

locals {
  recovery_name_local_fail = "verified_phone_number"
}

resource "aws_cognito_user_pool" "fail_omitted" {
  name = "legacy-recovery"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

resource "aws_cognito_user_pool" "fail_phone_first" {
  name = "phone-first"
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 2
    }
    recovery_mechanism {
      name     = "verified_phone_number"
      priority = 1
    }
  }
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name = "variable"
  account_recovery_setting {
    recovery_mechanism {
      name     = var.recovery_name_fail
      priority = 1
    }
  }
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name = "local"
  account_recovery_setting {
    recovery_mechanism {
      name     = local.recovery_name_local_fail
      priority = 1
    }
  }
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name = "branch"
  account_recovery_setting {
    recovery_mechanism {
      name     = var.email_first_fail ? "verified_email" : "verified_phone_number"
      priority = 1
    }
  }
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

resource "aws_cognito_user_pool" "fail_each" {
  for_each = toset(["a", "b"])
  name     = "tenant-${each.key}"
  sms_configuration {
    sns_caller_arn = "arn:aws:iam::111111111111:role/cognito-sms"
    external_id    = "cognito-sms"
  }
}

resource "aws_cognito_user_pool" "pass_email_first" {
  name = "email-first"
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
    recovery_mechanism {
      name     = "verified_phone_number"
      priority = 2
    }
  }
}

# No sms_configuration: the pool cannot send SMS, so recovery codes go by email. The old rule
# flagged these two.
resource "aws_cognito_user_pool" "pass_omitted_without_sms" {
  name = "legacy-recovery-no-sms"
}

resource "aws_cognito_user_pool" "pass_phone_first_without_sms" {
  name = "phone-first-no-sms"
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_phone_number"
      priority = 1
    }
  }
}

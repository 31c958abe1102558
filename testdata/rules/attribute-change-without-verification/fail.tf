# COG503 attribute-change-without-verification must flag every fail_ user pool (Terraform).

variable "protected_fail" {
  type    = list(string)
  default = ["phone_number"]
}

variable "strict_fail" {
  type = bool
}

locals {
  protected_local_fail = []
}

resource "aws_cognito_user_pool" "fail_email_username" {
  name                = "email-username"
  username_attributes = ["email"]
}

resource "aws_cognito_user_pool" "fail_phone_alias" {
  name                     = "phone-alias"
  alias_attributes         = ["phone_number", "preferred_username"]
  auto_verified_attributes = ["email", "phone_number"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }
}

resource "aws_cognito_user_pool" "fail_from_variable" {
  name                     = "variable"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email", "phone_number"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = var.protected_fail
  }
}

resource "aws_cognito_user_pool" "fail_from_local" {
  name                     = "local"
  auto_verified_attributes = ["email"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = local.protected_local_fail
  }
}

resource "aws_cognito_user_pool" "fail_in_one_branch" {
  name                     = "branch"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = var.strict_fail ? ["email"] : []
  }
}

resource "aws_cognito_user_pool" "pass_protected" {
  name                     = "protected"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }
}

resource "aws_cognito_user_pool" "fail_email_schema_mutable" {
  name                = "email-schema-mutable"
  username_attributes = ["email"]
  schema {
    name                = "email"
    attribute_data_type = "String"
    required            = true
    mutable             = true
  }
}

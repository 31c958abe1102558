# COG503 attribute-change-without-verification cannot decide these user pools, and must stay silent (Terraform).

variable "protected_unknown" {
  type = list(string)
}

resource "aws_cognito_user_pool" "unknown_variable" {
  name                     = "unknown-variable"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = var.protected_unknown
  }
}

variable "email_mutable_unknown" {
  type = bool
}

resource "aws_cognito_user_pool" "unknown_mutability" {
  name                = "unknown-mutability"
  username_attributes = ["email"]
  schema {
    name                = "email"
    attribute_data_type = "String"
    mutable             = var.email_mutable_unknown
  }
}

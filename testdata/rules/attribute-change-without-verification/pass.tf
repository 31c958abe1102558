# COG503 attribute-change-without-verification must stay silent on these user pools (Terraform).

variable "protected_pass" {
  type    = list(string)
  default = ["email", "phone_number"]
}

resource "aws_cognito_user_pool" "pass_plain_username" {
  name = "usernames-only"
}

resource "aws_cognito_user_pool" "pass_from_variable" {
  name                     = "variable"
  alias_attributes         = ["email", "phone_number"]
  auto_verified_attributes = ["email", "phone_number"]
  user_attribute_update_settings {
    attributes_require_verification_before_update = var.protected_pass
  }
}

# The schema makes email immutable: nobody can change it, so there is nothing to verify before a
# change. The old rule flagged this pool.
resource "aws_cognito_user_pool" "pass_email_immutable" {
  name                     = "email-immutable"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  schema {
    name                = "email"
    attribute_data_type = "String"
    required            = true
    mutable             = false
  }
}

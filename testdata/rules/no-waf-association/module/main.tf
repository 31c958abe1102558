# The pool of this module is protected by the association written in waf.tf.
resource "aws_cognito_user_pool" "pass_protected_from_another_file" {
  name = "protected-from-another-file"
}

resource "aws_cognito_user_pool" "fail_unprotected" {
  name = "unprotected"
}

# The pool of this module has its logs exported by the configuration written in logs.tf.
resource "aws_cognito_user_pool" "pass_logged_from_another_file" {
  name = "logged-from-another-file"
}

resource "aws_cognito_user_pool" "fail_not_logged" {
  name = "not-logged"
}

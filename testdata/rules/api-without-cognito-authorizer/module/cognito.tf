# The user pool of the module; its API is in api.tf.

resource "aws_cognito_user_pool" "main" {
  name = "main"
}

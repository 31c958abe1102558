# The pool's schema: a mutable `custom:tenant_id` and an immutable `custom:role`. The clients
# that write them are in clients.tf.

resource "aws_cognito_user_pool" "main" {
  name = "main"

  schema {
    name                = "tenant_id"
    attribute_data_type = "String"
    mutable             = true
  }

  schema {
    name                = "role"
    attribute_data_type = "String"
    mutable             = false
  }
}

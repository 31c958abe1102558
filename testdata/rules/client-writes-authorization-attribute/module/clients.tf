# Clients of the pool in pool.tf.

resource "aws_cognito_user_pool_client" "fail_writes_tenant" {
  name             = "fail-writes-tenant"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = ["email", "custom:tenant_id"]
}

resource "aws_cognito_user_pool_client" "pass_writes_immutable_role" {
  name             = "pass-writes-immutable-role"
  user_pool_id     = aws_cognito_user_pool.main.id
  write_attributes = ["email", "custom:role"]
}

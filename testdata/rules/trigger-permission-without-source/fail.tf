# COG604 trigger-permission-without-source must flag every fail_ Lambda permission (Terraform).

variable "invoking_service_fail" {
  type    = string
  default = "cognito-idp.amazonaws.com"
}

variable "strict_fail" {
  type = bool
}

resource "aws_cognito_user_pool" "main" {
  name = "main"
}

resource "aws_lambda_permission" "fail_omitted" {
  action        = "lambda:InvokeFunction"
  function_name = "pre-sign-up"
  principal     = "cognito-idp.amazonaws.com"
}

resource "aws_lambda_permission" "fail_principal_from_variable" {
  action        = "lambda:InvokeFunction"
  function_name = "pre-sign-up"
  principal     = var.invoking_service_fail
}

resource "aws_lambda_permission" "fail_source_in_one_branch" {
  action        = "lambda:InvokeFunction"
  function_name = "pre-sign-up"
  principal     = "cognito-idp.amazonaws.com"
  source_arn    = var.strict_fail ? aws_cognito_user_pool.main.arn : null
}

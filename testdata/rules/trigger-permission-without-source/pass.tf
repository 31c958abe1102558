# COG604 trigger-permission-without-source must stay silent on these Lambda permissions (Terraform).

resource "aws_cognito_user_pool" "main_pass" {
  name = "main"
}

resource "aws_lambda_permission" "pass_source_arn" {
  action        = "lambda:InvokeFunction"
  function_name = "pre-sign-up"
  principal     = "cognito-idp.amazonaws.com"
  source_arn    = aws_cognito_user_pool.main_pass.arn
}

resource "aws_lambda_permission" "pass_other_principal" {
  action        = "lambda:InvokeFunction"
  function_name = "api-handler"
  principal     = "apigateway.amazonaws.com"
}

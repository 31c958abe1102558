# COG604 trigger-permission-without-source cannot decide these Lambda permissions, and must stay silent (Terraform).

resource "aws_cognito_user_pool" "main_unknown" {
  name = "main"
}

variable "invoking_service_unknown" {
  type = string
}

resource "aws_lambda_permission" "unknown_principal" {
  action        = "lambda:InvokeFunction"
  function_name = "pre-sign-up"
  principal     = var.invoking_service_unknown
}

# COG408 identity-pool-role-escalation must stay silent on these policies (Terraform).

resource "aws_iam_policy" "pass_no_set_roles" {
  name = "no-set-roles"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }]
  })
}

resource "aws_iam_policy" "pass_to_other_service" {
  name = "to-other-service"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "cognito-identity:SetIdentityPoolRoles", Resource = "*" },
      {
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
      },
    ]
  })
}

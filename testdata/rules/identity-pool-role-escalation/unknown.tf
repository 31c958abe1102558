# COG408 identity-pool-role-escalation cannot decide these policies, and must stay silent (Terraform).

variable "policy_unknown" {
  type = string
}

resource "aws_iam_policy" "unknown_variable" {
  name   = "unknown-variable"
  policy = var.policy_unknown
}

resource "aws_iam_policy" "unknown_file" {
  name   = "unknown-file"
  policy = file("${path.module}/deploy.json")
}

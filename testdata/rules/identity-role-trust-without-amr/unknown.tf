# COG404 identity-role-trust-without-amr cannot decide these roles, and must stay silent (Terraform).

variable "trust_unknown" {
  type = string
}

resource "aws_iam_role" "unknown_variable" {
  name               = "unknown-variable"
  assume_role_policy = var.trust_unknown
}

resource "aws_iam_role" "unknown_file" {
  name               = "unknown-file"
  assume_role_policy = file("${path.module}/trust.json")
}

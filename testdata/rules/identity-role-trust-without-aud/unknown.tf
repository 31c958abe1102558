# COG403 identity-role-trust-without-aud cannot decide these roles, and must stay silent (Terraform).

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

data "aws_iam_policy_document" "trust_merged" {
  source_policy_documents = [var.trust_unknown]
}

resource "aws_iam_role" "unknown_merged_document" {
  name               = "unknown-merged-document"
  assume_role_policy = data.aws_iam_policy_document.trust_merged.json
}

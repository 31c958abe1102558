#!/usr/bin/env python3
"""Writes a synthetic corpus for coglint's benchmark (scripts/bench.py).

Like a real repository, most files hold no Cognito resource: GitHub workflows, Kubernetes
manifests, package.json files and CloudFormation templates of other services sit beside
CloudFormation templates (YAML and JSON) and Terraform modules (with variables, tfvars and a
local module call) that define user pools and clients, and a copy of the CDK cloud assemblies
of testdata/cdk. File sizes range from about 1 KB to 1 MB.

    python3 scripts/corpus.py small  /tmp/corpus-small    # ~500 files, ~3 MB
    python3 scripts/corpus.py large  /tmp/corpus-large    # ~5,000 files, ~100 MB
    python3 scripts/corpus.py double /tmp/corpus-double   # twice large
"""

import json
import os
import random
import shutil
import sys

PRESETS = {
    # name: (groups, big files every n groups)
    "small": (50, 25),
    "large": (500, 5),
    # Twice large, to check that time grows linearly.
    "double": (1000, 5),
}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pool_yaml(i, rng):
    mfa = rng.choice(['"ON"', '"OFF"', "OPTIONAL", "!Ref MfaMode"])
    mode = rng.choice(["ENFORCED", "AUDIT", "!If [IsProd, ENFORCED, AUDIT]"])
    return f"""AWSTemplateFormatVersion: "2010-09-09"
Description: Service {i} sign-in
Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
    Default: dev
  MfaMode:
    Type: String
    Default: OPTIONAL
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  UserPool{i}:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "svc{i}-${{Stage}}"
      UserPoolTier: PLUS
      MfaConfiguration: {mfa}
      Policies:
        PasswordPolicy:
          MinimumLength: {rng.choice([8, 10, 12, 14, 16])}
          TemporaryPasswordValidityDays: {rng.choice([1, 3, 7])}
      UserPoolAddOns:
        AdvancedSecurityMode: {mode}
  Client{i}:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool{i}
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [{rng.choice(["code", "code, implicit"])}]
      AllowedOAuthScopes: [openid, email]
      CallbackURLs: [https://svc{i}.example.org/callback]
"""


def pool_json(i, rng):
    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            f"Pool{i}": {
                "Type": "AWS::Cognito::UserPool",
                "Properties": {
                    "MfaConfiguration": rng.choice(["ON", "OFF", "OPTIONAL"]),
                    "Policies": {"PasswordPolicy": {"MinimumLength": rng.choice([8, 14])}},
                },
            },
            f"Client{i}": {
                "Type": "AWS::Cognito::UserPoolClient",
                "Properties": {"UserPoolId": {"Ref": f"Pool{i}"}, "PreventUserExistenceErrors": "ENABLED"},
            },
        },
    }
    return json.dumps(template, indent=2)


def other_service_template(i, size):
    """A CloudFormation template without Cognito: buckets and queues, about `size` bytes."""
    lines = ['AWSTemplateFormatVersion: "2010-09-09"', "Resources:"]
    n = 0
    while sum(len(line) + 1 for line in lines) < size:
        lines += [
            f"  Bucket{n}:",
            "    Type: AWS::S3::Bucket",
            "    Properties:",
            f"      BucketName: !Sub 'svc{i}-data-{n}-${{AWS::AccountId}}'",
            "      VersioningConfiguration: {Status: Enabled}",
            f"  Queue{n}:",
            "    Type: AWS::SQS::Queue",
            f"    Properties: {{QueueName: svc{i}-{n}, VisibilityTimeout: 30}}",
        ]
        n += 1
    return "\n".join(lines) + "\n"


def workflow(i):
    steps = "".join(f"      - run: make step-{j}\n" for j in range(20))
    return f"name: ci-{i}\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n{steps}"


def k8s(i, size):
    doc = f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc{i}\nspec:\n  replicas: 2\n"
    out = []
    n = 0
    while sum(len(d) for d in out) < size:
        out.append(doc.replace(f"svc{i}", f"svc{i}-{n}"))
        n += 1
    return "---\n".join(out)


def terraform(i, rng):
    mfa = rng.choice(["ON", "OFF", "OPTIONAL"])
    main = f"""variable "environment" {{
  type    = string
  default = "dev"
}}

variable "mfa" {{
  type    = string
  default = "{mfa}"
}}

locals {{
  is_prod = var.environment == "prod"
}}

module "auth" {{
  source = "./modules/auth"
  mfa    = local.is_prod ? "ON" : var.mfa
  name   = "svc{i}-${{var.environment}}"
}}
"""
    module = """variable "mfa" {}
variable "name" {}

resource "aws_cognito_user_pool" "this" {
  name              = var.name
  mfa_configuration = var.mfa

  password_policy {
    minimum_length                   = 12
    require_uppercase                = true
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 3
  }
}

resource "aws_cognito_user_pool_client" "web" {
  for_each            = toset(["web", "mobile"])
  name                = each.key
  user_pool_id        = aws_cognito_user_pool.this.id
  allowed_oauth_flows = ["code"]
}
"""
    return main, module


def network_module(i, size):
    """A Terraform module without Cognito (most of a repository's Terraform), about `size` bytes."""
    parts = [f'variable "cidr" {{\n  default = "10.{i % 250}.0.0/16"\n}}\n\nresource "aws_vpc" "main" {{\n  cidr_block = var.cidr\n}}\n']
    n = 0
    while sum(len(p) for p in parts) < size:
        parts.append(f"""
resource "aws_subnet" "s{n}" {{
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.cidr, 8, {n})
  availability_zone = "eu-west-1${{element(["a", "b", "c"], {n})}}"
  tags = {{
    Name = "svc{i}-subnet-{n}"
  }}
}}

resource "aws_security_group" "g{n}" {{
  vpc_id = aws_vpc.main.id
  ingress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_subnet.s{n}.cidr_block]
  }}
}}
""")
        n += 1
    return "".join(parts)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in PRESETS:
        sys.exit(__doc__)
    preset, out = sys.argv[1], sys.argv[2]
    groups, big_every = PRESETS[preset]
    rng = random.Random(42)
    if os.path.exists(out):
        shutil.rmtree(out)
    for g in range(groups):
        base = os.path.join(out, f"service-{g:04d}")
        write(os.path.join(base, "infra/auth.yaml"), pool_yaml(g, rng))
        write(os.path.join(base, "infra/auth.json"), pool_json(g, rng))
        size = 1_000_000 if g % big_every == 0 else rng.choice([1_000, 5_000, 20_000, 60_000])
        write(os.path.join(base, "infra/storage.yaml"), other_service_template(g, size))
        write(os.path.join(base, ".github/workflows/ci.yml"), workflow(g))
        write(os.path.join(base, "deploy/k8s.yaml"), k8s(g, rng.choice([1_000, 8_000, 40_000])))
        write(os.path.join(base, "package.json"), json.dumps({"name": f"svc{g}", "version": "1.0.0"}))
        main_tf, module_tf = terraform(g, rng)
        write(os.path.join(base, "terraform/main.tf"), main_tf)
        write(os.path.join(base, "terraform/terraform.tfvars"), 'environment = "prod"\n' if g % 3 == 0 else "")
        write(os.path.join(base, "terraform/modules/auth/main.tf"), module_tf)
        write(os.path.join(base, "network/main.tf"), network_module(g, rng.choice([2_000, 10_000, 50_000])))
        if g % 10 == 0:
            shutil.copytree(os.path.join(ROOT, "testdata/cdk/plain-stack/cdk.out"), os.path.join(base, "cdk/cdk.out"))
    files = sum(len(f) for _, _, f in os.walk(out))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    print(f"{preset}: {files} files, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()

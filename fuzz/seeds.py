#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets. For `pipeline`: for each project layout of
fuzz/layout.rs, small valid projects of that layout, each as one input (the layout's index as
first byte, then its files joined by NUL bytes, as layout.rs splits them). For `yaml` and
`json`: each YAML or JSON file of those projects alone (services, fragments, cli-inputs).

    python3 fuzz/seeds.py pipeline fuzz/corpus/pipeline   # then minimise and pack
    python3 fuzz/seeds.py yaml fuzz/corpus/yaml           # (docs/robustness.md)

The seeds are written for coglint, not copied from any project. The layouts' order is read
from layout.rs, so that the two cannot disagree.
"""

import hashlib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent


def layout_indexes():
    text = (HERE / "layout.rs").read_text()
    body = text[text.index("pub const LAYOUTS") :]
    return {name: i for i, name in enumerate(re.findall(r'name: "([^"]+)"', body))}


SERVERLESS = [
    [
        """service: shop
frameworkVersion: "3"
provider:
  name: aws
  stage: ${opt:stage, 'dev'}
custom:
  mfa: ${file(config/dev.yml):mfa}
  minLength: 8
resources:
  - ${file(resources/cognito.yml)}
  - Resources:
      Client:
        Type: AWS::Cognito::UserPoolClient
        Properties:
          UserPoolId: !Ref UserPool
          ClientName: ${self:service}-${self:provider.stage}
          AllowedOAuthFlows: [implicit]
          AllowedOAuthFlowsUserPoolClient: true
  - Outputs:
      PoolId:
        Value: !Ref UserPool
""",
        """Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: ${self:service}-${sls:stage}
      MfaConfiguration: ${self:custom.mfa}
      Policies:
        PasswordPolicy:
          MinimumLength: ${self:custom.minLength}
""",
        'mfa: "OFF"\n',
    ],
    [
        """service: accounts
provider:
  name: aws
  region: ${opt:region, 'eu-west-1'}
custom: ${file(config/dev.yml)}
resources:
  Conditions:
    IsProd: !Equals ["${opt:stage, 'dev'}", prod]
  Resources:
    Pool: ${file(resources/cognito.yml):Pool}
    Identities:
      Type: AWS::Cognito::IdentityPool
      Properties:
        AllowUnauthenticatedIdentities: ${self:custom.guests, true}
        CognitoIdentityProviders:
          - ClientId: ${env:CLIENT_ID}
            ProviderName: ${ssm:/accounts/provider}
""",
        """Pool:
  Type: AWS::Cognito::UserPool
  Condition: IsProd
  Properties:
    MfaConfiguration: ${self:custom.mfa, 'OPTIONAL'}
    UserPoolAddOns:
      AdvancedSecurityMode: ${self:custom.security}
""",
        """mfa: OFF
security: AUDIT
guests: ${self:custom.mfa}
""",
    ],
    [
        # A fragment named after nothing, included twice, one include circular.
        """{"service": "api", "provider": {"name": "aws"},
 "resources": ["${file(resources/cognito.yml)}", "${file(config/dev.yml):Extra}",
               "${file(./handler.js)}"]}
""",
        """Type: AWS::Cognito::UserPoolClient
Properties:
  UserPoolId: pool
  GenerateSecret: false
""",
        """Extra:
  Resources: ${file(config/dev.yml)}
""",
    ],
]

AMPLIFY_TEMPLATE = [
    [
        """AWSTemplateFormatVersion: 2010-09-09
Parameters:
  env:
    Type: String
  userPoolName:
    Type: String
  mfaConfiguration:
    Type: String
  passwordPolicyMinLength:
    Type: Number
  allowUnauthenticatedIdentities:
    Type: String
Conditions:
  ShouldNotCreateEnvResources: !Equals [!Ref env, NONE]
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !If
        - ShouldNotCreateEnvResources
        - !Ref userPoolName
        - !Join ['', [!Ref userPoolName, '-', !Ref env]]
      MfaConfiguration: !Ref mfaConfiguration
      Policies:
        PasswordPolicy:
          MinimumLength: !Ref passwordPolicyMinLength
  UserPoolClientWeb:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      RefreshTokenValidity: 30
  IdentityPool:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: !Ref allowUnauthenticatedIdentities
      CognitoIdentityProviders:
        - ClientId: !Ref UserPoolClientWeb
          ProviderName: !GetAtt UserPool.ProviderName
""",
        json.dumps(
            {
                "userPoolName": "app_userpool",
                "mfaConfiguration": "OFF",
                "passwordPolicyMinLength": 8,
                "allowUnauthenticatedIdentities": True,
                "autoVerifiedAttributes": ["email"],
            },
            indent=2,
        ),
        json.dumps(
            {
                "dev": {
                    "awscloudformation": {"Region": "eu-west-1"},
                    "categories": {"auth": {"app": {"mfaConfiguration": "OPTIONAL"}}},
                },
                "prod": {"categories": {"auth": {"app": {"mfaConfiguration": "ON"}}}},
            },
            indent=2,
        ),
        json.dumps({"features": {"auth": {"useenabledmfas": False}}}, indent=2),
    ],
]

AMPLIFY_CLI_INPUTS = [
    [
        json.dumps(
            {
                "version": "1",
                "cognitoConfig": {
                    "resourceNameTruncated": "app",
                    "authSelections": "identityPoolAndUserPool",
                    "allowUnauthenticatedIdentities": True,
                    "mfaConfiguration": "OPTIONAL",
                    "mfaTypes": ["SMS Text Message", "TOTP"],
                    "passwordPolicyMinLength": 8,
                    "passwordPolicyCharacters": ["Requires Numbers"],
                    "autoVerifiedAttributes": ["email"],
                    "requiredAttributes": ["email"],
                    "usernameAttributes": ["email"],
                    "aliasAttributes": [],
                    "usernameCaseSensitive": False,
                    "userpoolClientGenerateSecret": False,
                    "userpoolClientRefreshTokenValidity": 30,
                    "userpoolClientReadAttributes": ["email"],
                    "userpoolClientWriteAttributes": ["email"],
                    "userpoolClientSetAttributes": True,
                    "userPoolGroupList": ["admins"],
                    "oAuthMetadata": json.dumps(
                        {
                            "AllowedOAuthFlows": ["implicit"],
                            "AllowedOAuthScopes": ["openid", "email"],
                            "CallbackURLs": ["http://localhost:3000/"],
                        }
                    ),
                    "hostedUIProviderMeta": "[]",
                    "triggers": "{}",
                },
            },
            indent=2,
        ),
        json.dumps({"features": {"auth": {"useenabledmfas": True}}}),
        json.dumps({"dev": {"categories": {}}}),
    ],
    [
        json.dumps(
            {
                "cognitoConfig": {
                    "authSelections": "identityPoolOnly",
                    "allowUnauthenticatedIdentities": True,
                    "authRoleArn": {"Fn::GetAtt": ["AuthRole", "Arn"]},
                    "unauthRoleArn": {"Fn::GetAtt": ["UnauthRole", "Arn"]},
                }
            }
        ),
        "{}",
    ],
]

SAM = [
    [
        """AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
  MinimumPasswordLength:
    Type: Number
    Default: 12
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: !If [IsProd, "ON", "OFF"]
      Policies:
        PasswordPolicy:
          MinimumLength: !Ref MinimumPasswordLength
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ExplicitAuthFlows: !If [IsProd, [ALLOW_USER_SRP_AUTH], [ALLOW_USER_PASSWORD_AUTH]]
""",
        """version = 0.1

[default.global.parameters]
stack_name = "auth"

[default.deploy.parameters]
parameter_overrides = "Stage=\\"dev\\" MinimumPasswordLength=\\"8\\""

[prod.deploy.parameters]
parameter_overrides = ["Stage=prod", "MinimumPasswordLength=16"]
""",
    ],
]

CDK = [
    [
        json.dumps(
            {
                "version": "36.0.0",
                "artifacts": {
                    "AuthStack": {
                        "type": "aws:cloudformation:stack",
                        "environment": "aws://unknown-account/unknown-region",
                        "properties": {"templateFile": "AuthStack.template.json"},
                        "metadata": {
                            "/AuthStack/Pool/Resource": [
                                {
                                    "type": "aws:cdk:logicalId",
                                    "data": "Pool28D9C2D5",
                                    "trace": ["new Pool (/app/lib/auth-stack.ts:9:18)"],
                                }
                            ],
                            "/AuthStack/Clients": [
                                {
                                    "type": "aws:cdk:templateFile",
                                    "data": "AuthStackNested.nested.template.json",
                                }
                            ],
                        },
                    },
                    "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
                },
            },
            indent=1,
        ),
        json.dumps(
            {
                "Resources": {
                    "Pool28D9C2D5": {
                        "Type": "AWS::Cognito::UserPool",
                        "Properties": {"MfaConfiguration": "OFF"},
                        "Metadata": {
                            "aws:cdk:path": "AuthStack/Pool/Resource",
                            "cdk_nag": {
                                "rules_to_suppress": [
                                    {"id": "AwsSolutions-COG2", "reason": "a dev stack"}
                                ]
                            },
                        },
                    },
                    "ClientsNestedStack": {
                        "Type": "AWS::CloudFormation::Stack",
                        "Properties": {
                            "TemplateURL": "https://example.invalid/AuthStackNested.nested.template.json",
                            "Parameters": {"PoolRef": {"Ref": "Pool28D9C2D5"}},
                        },
                        "Metadata": {
                            "aws:cdk:path": "AuthStack/Clients.NestedStack/Clients.NestedStackResource",
                            "aws:asset:path": "AuthStackNested.nested.template.json",
                            "aws:asset:property": "TemplateURL",
                        },
                    },
                }
            },
            indent=1,
        ),
        json.dumps(
            {
                "Parameters": {"PoolRef": {"Type": "String"}},
                "Resources": {
                    "WebClient1A2B3C4D": {
                        "Type": "AWS::Cognito::UserPoolClient",
                        "Properties": {
                            "UserPoolId": {"Ref": "PoolRef"},
                            "AllowedOAuthFlows": ["implicit"],
                            "AllowedOAuthFlowsUserPoolClient": True,
                        },
                        "Metadata": {
                            "aws:cdk:path": "AuthStack/Clients/WebClient/Resource",
                            "coglint": {"ignore": [{"id": "COG302", "reason": "a test app"}]},
                        },
                    }
                },
            },
            indent=1,
        ),
    ],
]

COGLINT_TOML = [
    [
        """select = ["hardening"]
ignore = ["no-waf-association", "COG603"]

[severity]
mfa-optional = "high"

[rules.password-too-short]
min-length = 12

[rules.COG306]
max-days = 30

[[parameters]]
templates = "stacks/auth*.yaml"
file = "params/prod.json"
""",
        """Parameters:
  Mfa:
    Type: String
    AllowedValues: ["ON", "OFF", OPTIONAL]
  MinLength:
    Type: Number
    Default: 6
Resources:
  # coglint:ignore COG101 -- break-glass pool behind the VPN
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: !Ref Mfa
      Policies:
        PasswordPolicy:
          # coglint:ignore password-too-short until 2026-01-31 -- ticket AUTH-1
          MinimumLength: !Ref MinLength
  Client:
    Type: AWS::Cognito::UserPoolClient
    Metadata:
      coglint:
        ignore:
          - id: COG306
            reason: long sessions wanted
    Properties:
      UserPoolId: !Ref Pool
      RefreshTokenValidity: 90
""",
        json.dumps(
            [
                {"ParameterKey": "Mfa", "ParameterValue": "OPTIONAL"},
                {"ParameterKey": "MinLength", "ParameterValue": "8"},
            ],
            indent=2,
        ),
    ],
    [
        'ignore = ["all"]\nselect = ["COG3", "low"]\n',
        """{"Resources": {"Client": {"Type": "AWS::Cognito::UserPoolClient",
  "Properties": {"UserPoolId": "eu-west-1_abc", "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH"]}}}}
""",
    ],
]

TERRAFORM_MODULE = [
    [
        """variable "mfa" {
  default = "OFF"
}

locals {
  clients = ["web", "mobile"]
}

module "pool" {
  source  = "./modules/pool"
  mfa     = var.mfa
  clients = local.clients
}

module "pools" {
  source  = "./modules/pool"
  count   = 2
  mfa     = "ON"
  clients = [for c in local.clients : "${c}-${count.index}"]
}
""",
        """variable "mfa" {}

variable "clients" {
  type = list(string)
}

resource "aws_cognito_user_pool" "this" {
  name              = "pool"
  mfa_configuration = var.mfa

  password_policy {
    minimum_length = 8
  }
}

resource "aws_cognito_user_pool_client" "client" {
  for_each            = toset(var.clients)
  name                = each.key
  user_pool_id        = aws_cognito_user_pool.this.id
  allowed_oauth_flows = each.key == "web" ? ["implicit"] : ["code"]
}
""",
        'mfa = "OPTIONAL"\n',
    ],
]

SEEDS = {
    "serverless": SERVERLESS,
    "amplify-template": AMPLIFY_TEMPLATE,
    "amplify-cli-inputs": AMPLIFY_CLI_INPUTS,
    "sam": SAM,
    "cdk": CDK,
    "coglint.toml": COGLINT_TOML,
    "terraform-module": TERRAFORM_MODULE,
}


def layout_files():
    """The file names of each layout, in order."""
    text = (HERE / "layout.rs").read_text()
    body = text[text.index("pub const LAYOUTS") :]
    layouts = re.findall(r'name: "([^"]+)",\s*files: &\[(.*?)\]', body, re.S)
    return {name: re.findall(r'"([^"]+)"', files) for name, files in layouts}


def seeds(target):
    """(name, bytes) of each seed input of `target`."""
    indexes = layout_indexes()
    names = layout_files()
    for layout, projects in SEEDS.items():
        for files in projects:
            if target == "pipeline":
                yield layout, bytes([indexes[layout]]) + b"\0".join(f.encode() for f in files)
                continue
            for path, text in zip(names[layout], files):
                is_json = path.endswith(".json")
                if (target == "json") == is_json and path.endswith((".json", ".yml", ".yaml")):
                    yield f"{layout}-{path.rsplit('/', 1)[-1]}", text.encode()


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("pipeline", "yaml", "json"):
        sys.exit("usage: seeds.py pipeline|yaml|json DIRECTORY")
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, data in seeds(target):
        digest = hashlib.sha1(data).hexdigest()
        (out / f"seed-{name}-{digest[:12]}").write_bytes(data)
        count += 1
    print(f"wrote {count} seeds to {out}")


if __name__ == "__main__":
    main()

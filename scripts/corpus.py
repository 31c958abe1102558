#!/usr/bin/env python3
"""Writes a synthetic corpus for coglint's benchmark (scripts/bench.py).

Presets small, large and double: services in which most files hold no Cognito resource
(GitHub workflows, Kubernetes manifests, package.json files and CloudFormation templates of
other services sit beside CloudFormation templates and Terraform modules that define user pools
and clients, and a copy of the CDK cloud assemblies of testdata/cdk). File sizes range from
about 1 KB to 1 MB.

Presets real and terraform are shaped like real repositories, where most bytes are in files
that mention Cognito and so must be read. real: repositories with CDK apps and their cloud
assemblies (large templates whose stacks refer to the user pool, bigger tree.json files),
CloudFormation templates of 1 to 3 MB with one pool among hundreds of other resources,
Serverless services and Terraform, amid application code. terraform: a hundred root modules
(about 1 MB of .tf each, a few of them one generated 1 MB file) calling shared local modules.
Their `-double` presets have the same shape, twice as much.

    python3 scripts/corpus.py small  /tmp/corpus-small    # ~500 files, ~5 MB
    python3 scripts/corpus.py large  /tmp/corpus-large    # ~5,000 files, ~130 MB
    python3 scripts/corpus.py double /tmp/corpus-double   # twice large
    python3 scripts/corpus.py real /tmp/corpus-real       # ~5,000 files, ~100 MB
    python3 scripts/corpus.py real-double /tmp/corpus-rd  # twice real
    python3 scripts/corpus.py terraform /tmp/corpus-tf    # 100 roots, ~100 MB
    python3 scripts/corpus.py terraform-double /tmp/tf2   # 200 roots

Every preset is seeded: two runs write the same files.
"""

import json
import os
import random
import re
import shutil
import sys

PRESETS = {
    # name: (kind, size): services (groups, big files every n groups), repositories, roots.
    "small": ("services", (50, 25)),
    "large": ("services", (500, 5)),
    # Twice large, to check that time grows linearly.
    "double": ("services", (1000, 5)),
    "real": ("repositories", 40),
    "real-double": ("repositories", 80),
    "terraform": ("roots", 100),
    "terraform-double": ("roots", 200),
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


# ------------------------------------------------------------------------------------------------
# Repository-shaped corpora: presets real, real-double, terraform and terraform-double.
#
# In a real repository that uses Cognito, most bytes are in files that mention it and so must be
# read: CDK cloud assemblies (large templates whose stacks reference the user pool, and bigger
# tree.json files), large CloudFormation templates with one pool among hundreds of other
# resources, Serverless services and Terraform. Everything below is generated; nothing is copied
# from a real repository.

CDK_VERSION = "2.160.0"
ASSETS_BUCKET = "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"

# A YAML plain scalar that needs no quotes; anything else is written as a JSON string.
PLAIN = re.compile(r"[A-Za-z_/$][A-Za-z0-9 _./:@${}*+,()=-]*")
PLAIN_KEY = re.compile(r"[A-Za-z0-9_./-][A-Za-z0-9_:./-]*")
RESERVED = {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"}
SHORT_FORMS = {"Ref": "!Ref", "Fn::Sub": "!Sub", "Fn::GetAtt": "!GetAtt", "Fn::ImportValue": "!ImportValue"}


def yaml_scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    plain = (PLAIN.fullmatch(value) and value.lower() not in RESERVED and ": " not in value
             and " #" not in value and not value.endswith((":", " ")))
    return value if plain else json.dumps(value)


def short_form(value):
    """`!Ref X`, `!GetAtt X.Arn`, `!Sub ...`, `!ImportValue ...`, or None."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, arg), = value.items()
    tag = SHORT_FORMS.get(key)
    if tag is None:
        return None
    if key == "Fn::GetAtt" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        return f"{tag} {'.'.join(arg)}"
    if isinstance(arg, str):
        return f"{tag} {yaml_scalar(arg)}"
    return None


def yaml_lines(value, indent, out):
    """Block-style YAML of a mapping or a sequence, CloudFormation's short forms where they fit."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            key = key if PLAIN_KEY.fullmatch(key) else json.dumps(key)
            short = short_form(item)
            if short is not None:
                out.append(f"{pad}{key}: {short}")
            elif isinstance(item, (dict, list)) and item:
                out.append(f"{pad}{key}:")
                yaml_lines(item, indent + 2, out)
            elif isinstance(item, (dict, list)):
                out.append(f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                out.append(f"{pad}{key}: {yaml_scalar(item)}")
        return
    for item in value:
        short = short_form(item)
        if short is not None:
            out.append(f"{pad}- {short}")
        elif isinstance(item, (dict, list)) and item:
            sub = []
            yaml_lines(item, indent + 2, sub)
            sub[0] = f"{pad}- {sub[0][indent + 2:]}"
            out.extend(sub)
        else:
            out.append(f"{pad}- {yaml_scalar(item)}")


def render_json(indent):
    """One resource as it stands in a JSON template's `Resources`, indented by `indent`."""
    pad = " " * 2 * indent
    return lambda lid, resource: f"{pad}{json.dumps(lid)}: " + json.dumps(resource, indent=indent).replace(
        "\n", "\n" + pad)


def render_yaml(lid, resource):
    """One resource as it stands in a YAML template's `Resources`."""
    out = [f"  {lid}:"]
    yaml_lines(resource, 4, out)
    return "\n".join(out)


class Stack:
    """Builds one CloudFormation stack's resources, CDK-style (hashed logical IDs, construct
    paths) or hand-written style, and sizes it by the text it will take."""

    def __init__(self, name, rng, cdk, pool=None, render=None):
        self.name = name
        self.rng = rng
        self.cdk = cdk
        # (construct path, logical id, resource)
        self.resources = []
        self.functions = []
        self.counter = 0
        # The resources written so far (see `fill`).
        self.render = render or render_json(1 if cdk else 2)
        self.texts = []
        self.size = 0
        if pool is None:
            # The pool lives in another stack: its id and ARN are imported.
            self.pool_id = {"Fn::ImportValue": "AuthStack:ExportsOutputRefUserPool6BA7E5F2A1B2C3D4"}
            self.pool_arn = {"Fn::ImportValue": "AuthStack:ExportsOutputFnGetAttUserPool6BA7E5F2Arn9F1E2D3C"}
        else:
            self.pool_id = {"Ref": pool}
            self.pool_arn = {"Fn::GetAtt": [pool, "Arn"]}

    def lid(self, base):
        return f"{base}{self.rng.getrandbits(32):08X}" if self.cdk else base

    def add(self, path, lid, resource):
        if self.cdk:
            resource.setdefault("Metadata", {})["aws:cdk:path"] = "/".join((self.name,) + path)
        self.resources.append((path, lid, resource))
        return lid

    def unique(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    # -- constructs ------------------------------------------------------------------------

    def function(self, table=None):
        rng = self.rng
        name = self.unique(rng.choice(["Handler", "Worker", "Resolver", "Processor", "Api"]))
        role = self.lid(f"{name}ServiceRole")
        policy = self.lid(f"{name}ServiceRoleDefaultPolicy")
        fn = self.lid(name)
        statements = [
            {"Action": ["cognito-idp:AdminGetUser", "cognito-idp:AdminUpdateUserAttributes",
                        "cognito-idp:ListUsers"],
             "Effect": "Allow", "Resource": self.pool_arn},
            {"Action": ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], "Effect": "Allow", "Resource": "*"},
            {"Action": ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"], "Effect": "Allow",
             "Resource": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":ssm:", {"Ref": "AWS::Region"},
                                            ":", {"Ref": "AWS::AccountId"}, f":parameter/{self.name.lower()}/*"]]}},
        ]
        if table:
            statements.append({
                "Action": ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
                           "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem",
                           "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:PutItem",
                           "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"],
                "Effect": "Allow",
                "Resource": [{"Fn::GetAtt": [table, "Arn"]},
                             {"Fn::Join": ["", [{"Fn::GetAtt": [table, "Arn"]}, "/index/*"]]}]})
        self.add((name, "ServiceRole", "Resource"), role, {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": {
                    "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                   "Principal": {"Service": "lambda.amazonaws.com"}}],
                    "Version": "2012-10-17"},
                "ManagedPolicyArns": [{"Fn::Join": ["", [
                    "arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}],
            }})
        self.add((name, "ServiceRole", "DefaultPolicy", "Resource"), policy, {
            "Type": "AWS::IAM::Policy",
            "Properties": {"PolicyDocument": {"Statement": statements, "Version": "2012-10-17"},
                           "PolicyName": policy, "Roles": [{"Ref": role}]}})
        variables = {"USER_POOL_ID": self.pool_id, "POWERTOOLS_SERVICE_NAME": name.lower(),
                     "LOG_LEVEL": rng.choice(["INFO", "DEBUG", "WARN"]),
                     "NODE_OPTIONS": "--enable-source-maps"}
        if table:
            variables["TABLE_NAME"] = {"Ref": table}
        if self.cdk:
            code = {"S3Bucket": {"Fn::Sub": ASSETS_BUCKET}, "S3Key": f"{rng.getrandbits(256):064x}.zip"}
        else:
            code = {"S3Bucket": {"Ref": "ArtifactBucket"}, "S3Key": {"Fn::Sub": f"${{Version}}/{name}.zip"}}
        self.add((name, "Resource"), fn, {
            "Type": "AWS::Lambda::Function",
            "Properties": {
                "Code": code, "Environment": {"Variables": variables}, "Handler": "index.handler",
                "MemorySize": rng.choice([128, 256, 512, 1024]), "Role": {"Fn::GetAtt": [role, "Arn"]},
                "Runtime": rng.choice(["nodejs20.x", "python3.12"]), "Timeout": rng.choice([10, 30, 60]),
                "TracingConfig": {"Mode": "Active"}},
            "DependsOn": [policy, role]})
        self.add((name, "LogGroup", "Resource"), self.lid(f"{name}LogGroup"), {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {"LogGroupName": {"Fn::Join": ["", ["/aws/lambda/", {"Ref": fn}]]},
                           "RetentionInDays": rng.choice([7, 30, 90, 365])},
            "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain"})
        self.functions.append((name, fn))
        return fn

    def table(self):
        name = self.unique("Table")
        lid = self.lid(name)
        indexes = [{"IndexName": f"gsi{i}", "KeySchema": [{"AttributeName": f"gsi{i}pk", "KeyType": "HASH"},
                                                           {"AttributeName": f"gsi{i}sk", "KeyType": "RANGE"}],
                    "Projection": {"ProjectionType": "ALL"}} for i in range(self.rng.randint(0, 3))]
        attributes = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}]
        for index in indexes:
            attributes += [{"AttributeName": k["AttributeName"], "AttributeType": "S"} for k in index["KeySchema"]]
        properties = {"AttributeDefinitions": attributes, "BillingMode": "PAY_PER_REQUEST",
                      "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                    {"AttributeName": "sk", "KeyType": "RANGE"}],
                      "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
                      "SSESpecification": {"SSEEnabled": True}}
        if indexes:
            properties["GlobalSecondaryIndexes"] = indexes
        return self.add((name, "Resource"), lid, {
            "Type": "AWS::DynamoDB::Table", "Properties": properties,
            "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain"})

    def api(self, routes):
        """A REST API whose methods a Cognito authorizer guards, each route backed by a function."""
        name = self.unique("Api")
        api = self.lid(name)
        authorizer = self.lid(f"{name}Authorizer")
        self.add((name, "Resource"), api, {
            "Type": "AWS::ApiGateway::RestApi",
            "Properties": {"Name": f"{self.name}-{name}".lower(),
                           "EndpointConfiguration": {"Types": ["REGIONAL"]}}})
        self.add((name, "Authorizer", "Resource"), authorizer, {
            "Type": "AWS::ApiGateway::Authorizer",
            "Properties": {"IdentitySource": "method.request.header.Authorization", "Name": f"{name}CognitoAuthorizer",
                           "ProviderARNs": [self.pool_arn], "RestApiId": {"Ref": api},
                           "Type": "COGNITO_USER_POOLS"}})
        methods = []
        for r in range(routes):
            if not self.functions or self.rng.random() < 0.3:
                self.function()
            _, fn = self.rng.choice(self.functions)
            part = f"r{r}"
            resource = self.lid(f"{name}{part}")
            self.add((name, "Default", part, "Resource"), resource, {
                "Type": "AWS::ApiGateway::Resource",
                "Properties": {"ParentId": {"Fn::GetAtt": [api, "RootResourceId"]}, "PathPart": part,
                               "RestApiId": {"Ref": api}}})
            for verb in self.rng.sample(["GET", "POST", "PUT", "DELETE"], self.rng.randint(1, 3)):
                source_arn = {"Fn::Join": ["", [
                    "arn:", {"Ref": "AWS::Partition"}, ":execute-api:", {"Ref": "AWS::Region"}, ":",
                    {"Ref": "AWS::AccountId"}, ":", {"Ref": api}, "/", {"Ref": f"{name}DeploymentStageprod"},
                    f"/{verb}/{part}"]]}
                for test in ("", "Test"):
                    self.add((name, "Default", part, verb, f"ApiPermission{test}"),
                             self.lid(f"{name}{part}{verb}ApiPermission{test}"), {
                        "Type": "AWS::Lambda::Permission",
                        "Properties": {"Action": "lambda:InvokeFunction",
                                       "FunctionName": {"Fn::GetAtt": [fn, "Arn"]},
                                       "Principal": "apigateway.amazonaws.com", "SourceArn": source_arn}})
                method = self.lid(f"{name}{part}{verb}")
                methods.append(method)
                self.add((name, "Default", part, verb, "Resource"), method, {
                    "Type": "AWS::ApiGateway::Method",
                    "Properties": {
                        "AuthorizationType": "COGNITO_USER_POOLS", "AuthorizerId": {"Ref": authorizer},
                        "HttpMethod": verb,
                        "Integration": {"IntegrationHttpMethod": "POST", "Type": "AWS_PROXY",
                                        "Uri": {"Fn::Join": ["", [
                                            "arn:", {"Ref": "AWS::Partition"}, ":apigateway:", {"Ref": "AWS::Region"},
                                            ":lambda:path/2015-03-31/functions/", {"Fn::GetAtt": [fn, "Arn"]},
                                            "/invocations"]]}},
                        "ResourceId": {"Ref": resource}, "RestApiId": {"Ref": api}}})
        deployment = self.lid(f"{name}Deployment")
        self.add((name, "Deployment", "Resource"), deployment, {
            "Type": "AWS::ApiGateway::Deployment",
            "Properties": {"Description": "Automatically created by the RestApi construct", "RestApiId": {"Ref": api}},
            "DependsOn": methods})
        self.add((name, "DeploymentStage.prod", "Resource"), self.lid(f"{name}DeploymentStageprod"), {
            "Type": "AWS::ApiGateway::Stage",
            "Properties": {"DeploymentId": {"Ref": deployment}, "RestApiId": {"Ref": api}, "StageName": "prod",
                           "TracingEnabled": True,
                           "MethodSettings": [{"DataTraceEnabled": False, "HttpMethod": "*",
                                               "LoggingLevel": "INFO", "ResourcePath": "/*"}]}})

    def bucket(self):
        name = self.unique(self.rng.choice(["Assets", "Uploads", "Logs", "Exports"]))
        bucket = self.lid(f"{name}Bucket")
        self.add((name, "Resource"), bucket, {
            "Type": "AWS::S3::Bucket",
            "Properties": {
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]},
                "LifecycleConfiguration": {"Rules": [
                    {"Id": "expire", "Status": "Enabled", "ExpirationInDays": self.rng.choice([30, 90, 365]),
                     "NoncurrentVersionExpiration": {"NoncurrentDays": 30}}]},
                "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                                   "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
                "VersioningConfiguration": {"Status": "Enabled"}},
            "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain"})
        self.add((name, "Policy", "Resource"), self.lid(f"{name}BucketPolicy"), {
            "Type": "AWS::S3::BucketPolicy",
            "Properties": {"Bucket": {"Ref": bucket}, "PolicyDocument": {"Statement": [{
                "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}, "Effect": "Deny",
                "Principal": {"AWS": "*"},
                "Resource": [{"Fn::GetAtt": [bucket, "Arn"]},
                             {"Fn::Join": ["", [{"Fn::GetAtt": [bucket, "Arn"]}, "/*"]]}]}],
                "Version": "2012-10-17"}}})

    def queue(self):
        name = self.unique("Queue")
        dlq = self.lid(f"{name}Dlq")
        queue = self.lid(name)
        self.add((name, "Dlq", "Resource"), dlq, {
            "Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600, "SqsManagedSseEnabled": True},
            "UpdateReplacePolicy": "Delete", "DeletionPolicy": "Delete"})
        self.add((name, "Resource"), queue, {
            "Type": "AWS::SQS::Queue",
            "Properties": {"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": [dlq, "Arn"]},
                                             "maxReceiveCount": 5},
                           "VisibilityTimeout": self.rng.choice([30, 60, 300])},
            "UpdateReplacePolicy": "Delete", "DeletionPolicy": "Delete"})
        self.add((name, "DlqAlarm", "Resource"), self.lid(f"{name}DlqAlarm"), {
            "Type": "AWS::CloudWatch::Alarm",
            "Properties": {"ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluationPeriods": 1,
                           "Dimensions": [{"Name": "QueueName", "Value": {"Fn::GetAtt": [dlq, "QueueName"]}}],
                           "MetricName": "ApproximateNumberOfMessagesVisible", "Namespace": "AWS/SQS",
                           "Period": 300, "Statistic": "Maximum", "Threshold": 1,
                           "AlarmDescription": f"{self.name} {name}: messages in the dead-letter queue"}})

    def user_pool(self):
        """A user pool with its clients, domain, identity pool and a trigger: the pool the other
        stacks and constructs refer to. Returns its logical id."""
        rng = self.rng
        pool = self.lid("UserPool") if self.cdk else "UserPool"
        trigger = self.function()
        properties = {
            "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": rng.random() < 0.5},
            "AliasAttributes": ["email", "preferred_username"],
            "AutoVerifiedAttributes": ["email"],
            "EmailVerificationMessage": "The verification code to your new account is {####}",
            "EmailVerificationSubject": "Verify your new account",
            "LambdaConfig": {"PreSignUp": {"Fn::GetAtt": [trigger, "Arn"]}},
            "MfaConfiguration": rng.choice(["OFF", "OPTIONAL", "ON"]),
            "Policies": {"PasswordPolicy": {"MinimumLength": rng.choice([6, 8, 12, 14]), "RequireLowercase": True,
                                            "RequireNumbers": True, "RequireSymbols": rng.random() < 0.5,
                                            "RequireUppercase": True, "TemporaryPasswordValidityDays": 7}},
            "Schema": [{"Mutable": True, "Name": "email", "Required": True},
                       {"AttributeDataType": "String", "Mutable": True, "Name": "tenant_id"},
                       {"AttributeDataType": "String", "Mutable": rng.random() < 0.5, "Name": "role"}],
            "UserPoolAddOns": {"AdvancedSecurityMode": rng.choice(["OFF", "AUDIT", "ENFORCED"])},
            "UsernameConfiguration": {"CaseSensitive": False},
        }
        self.add(("UserPool", "Resource"), pool, {
            "Type": "AWS::Cognito::UserPool", "Properties": properties,
            "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain"})
        self.add(("UserPool", "PreSignUpCognito"), self.lid("UserPoolPreSignUpCognito"), {
            "Type": "AWS::Lambda::Permission",
            "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": [trigger, "Arn"]},
                           "Principal": "cognito-idp.amazonaws.com", "SourceArn": {"Fn::GetAtt": [pool, "Arn"]}}})
        clients = []
        for client in rng.sample(["Web", "Mobile", "Admin", "Machine"], rng.randint(1, 3)):
            lid = self.lid(f"UserPool{client}Client")
            clients.append(lid)
            flows = ["client_credentials"] if client == "Machine" else rng.choice([["code"], ["implicit", "code"]])
            self.add(("UserPool", f"{client}Client", "Resource"), lid, {
                "Type": "AWS::Cognito::UserPoolClient",
                "Properties": {"AllowedOAuthFlows": flows, "AllowedOAuthFlowsUserPoolClient": True,
                               "AllowedOAuthScopes": ["openid", "email", "profile"],
                               "CallbackURLs": [f"https://{client.lower()}.example.com/callback"],
                               "ExplicitAuthFlows": rng.choice([["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                                                                ["ALLOW_USER_PASSWORD_AUTH",
                                                                 "ALLOW_REFRESH_TOKEN_AUTH"]]),
                               "GenerateSecret": client == "Machine",
                               "SupportedIdentityProviders": ["COGNITO"], "UserPoolId": {"Ref": pool}}})
        self.add(("UserPool", "Domain", "Resource"), self.lid("UserPoolDomain"), {
            "Type": "AWS::Cognito::UserPoolDomain",
            "Properties": {"Domain": f"{self.name.lower()}-{rng.getrandbits(24):06x}", "UserPoolId": {"Ref": pool}}})
        identity = self.lid("IdentityPool")
        self.add(("IdentityPool", "Resource"), identity, {
            "Type": "AWS::Cognito::IdentityPool",
            "Properties": {"AllowUnauthenticatedIdentities": rng.random() < 0.3,
                           "CognitoIdentityProviders": [{"ClientId": {"Ref": c}, "ProviderName": {
                               "Fn::GetAtt": [pool, "ProviderName"]}} for c in clients]}})
        roles = {}
        for kind in ("authenticated", "unauthenticated"):
            lid = self.lid(f"IdentityPool{kind.title()}Role")
            roles[kind] = {"Fn::GetAtt": [lid, "Arn"]}
            self.add(("IdentityPool", f"{kind.title()}Role", "Resource"), lid, {
                "Type": "AWS::IAM::Role",
                "Properties": {"AssumeRolePolicyDocument": {"Statement": [{
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": {"Ref": identity}},
                                  "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": kind}},
                    "Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}}],
                    "Version": "2012-10-17"},
                    "Policies": [{"PolicyName": "access", "PolicyDocument": {"Statement": [{
                        "Action": ["s3:GetObject", "s3:PutObject"] if kind == "authenticated" else ["s3:GetObject"],
                        "Effect": "Allow", "Resource": "*"}], "Version": "2012-10-17"}}]}})
        self.add(("IdentityPool", "DefaultRoleAttachment"), self.lid("IdentityPoolDefaultRoleAttachment"), {
            "Type": "AWS::Cognito::IdentityPoolRoleAttachment",
            "Properties": {"IdentityPoolId": {"Ref": identity}, "Roles": roles}})
        self.pool_id = {"Ref": pool}
        self.pool_arn = {"Fn::GetAtt": [pool, "Arn"]}
        return pool

    def state_machine(self, size):
        """A Step Functions state machine of about `size` bytes (its definition a `Fn::Join` of
        long strings and function ARNs, as CDK writes it), with its role and policy."""
        if not self.functions:
            self.function()
        name = self.unique("Workflow")
        role = self.lid(f"{name}Role")
        policy = self.lid(f"{name}RoleDefaultPolicy")
        arns = [{"Fn::GetAtt": [fn, "Arn"]} for _, fn in self.functions[-4:]]
        self.add((name, "Role", "Resource"), role, {
            "Type": "AWS::IAM::Role",
            "Properties": {"AssumeRolePolicyDocument": {
                "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                               "Principal": {"Service": "states.amazonaws.com"}}],
                "Version": "2012-10-17"}}})
        self.add((name, "Role", "DefaultPolicy", "Resource"), policy, {
            "Type": "AWS::IAM::Policy",
            "Properties": {"PolicyDocument": {"Statement": [
                {"Action": "lambda:InvokeFunction", "Effect": "Allow", "Resource": arns}],
                "Version": "2012-10-17"}, "PolicyName": policy, "Roles": [{"Ref": role}]}})
        parts = ['{"StartAt":"Step0","States":{']
        step = 0
        while sum(len(p) if isinstance(p, str) else 40 for p in parts) < size:
            parts += [f'"Step{step}":{{"Next":"Step{step + 1}","Type":"Task","OutputPath":"$.Payload",'
                      '"Resource":"arn:', {"Ref": "AWS::Partition"},
                      ':states:::lambda:invoke","Parameters":{"FunctionName":"', self.rng.choice(arns),
                      '","Payload.$":"$"},"Retry":[{"ErrorEquals":["Lambda.ClientExecutionTimeoutException",'
                      '"Lambda.ServiceException","Lambda.AWSLambdaException","Lambda.SdkClientException"],'
                      '"IntervalSeconds":2,"MaxAttempts":6,"BackoffRate":2}],"Catch":[{"ErrorEquals":'
                      f'["States.ALL"],"Next":"Failed{step}"}}]}},"Failed{step}":{{"Type":"Fail",'
                      f'"Error":"Step{step}Failed","Cause":"step {step} of {name} failed"}},']
            step += 1
        parts.append(f'"Step{step}":{{"Type":"Succeed"}}}},"TimeoutSeconds":3600}}')
        self.add((name, "Resource"), self.lid(name), {
            "Type": "AWS::StepFunctions::StateMachine",
            "Properties": {"DefinitionString": {"Fn::Join": ["", parts]}, "RoleArn": {"Fn::GetAtt": [role, "Arn"]},
                           "TracingConfiguration": {"Enabled": True}},
            "DependsOn": [policy, role]})

    def dashboard(self, size):
        """A CloudWatch dashboard of about `size` bytes: its body a `Fn::Join` of widgets."""
        if not self.functions:
            self.function()
        name = self.unique("Dashboard")
        parts = ['{"widgets":[']
        y = 0
        while sum(len(p) if isinstance(p, str) else 30 for p in parts) < size:
            _, fn = self.rng.choice(self.functions)
            metric = self.rng.choice(["Errors", "Throttles", "Duration", "Invocations", "ConcurrentExecutions"])
            parts += [f'{{"type":"metric","width":12,"height":6,"x":{12 * (y % 2)},"y":{6 * (y // 2)},'
                      f'"properties":{{"view":"timeSeries","title":"{metric} of {fn}","region":"',
                      {"Ref": "AWS::Region"}, f'","metrics":[["AWS/Lambda","{metric}","FunctionName","',
                      {"Ref": fn}, '",{"stat":"Sum","period":300}]],"yAxis":{"left":{"min":0}}}},']
            y += 1
        parts.append('{"type":"text","width":24,"height":2,"properties":{"markdown":"end"}}]}')
        self.add((name, "Resource"), self.lid(name), {
            "Type": "AWS::CloudWatch::Dashboard",
            "Properties": {"DashboardBody": {"Fn::Join": ["", parts]}}})

    def fill(self, size, budget=None):
        """Adds constructs until the resources, as `self.render` writes them, take about `size`
        bytes. Past `budget` resources (CloudFormation allows 500 in a stack), the rest of the
        size goes to state machines and dashboards, whose definitions are long strings, as they
        are in large templates."""
        while self.size < size:
            choice = self.rng.random()
            if budget is not None and len(self.resources) >= budget:
                left = max(budget + 100 - len(self.resources), 1)
                each = max((size - self.size) // left, self.rng.choice([4_000, 10_000, 25_000]))
                if choice < 0.6:
                    self.state_machine(each)
                else:
                    self.dashboard(each)
            elif choice < 0.35:
                self.function(self.table() if self.rng.random() < 0.4 else None)
            elif choice < 0.65:
                self.api(self.rng.randint(2, 8))
            elif choice < 0.8:
                self.bucket()
            else:
                self.queue()
            for _, lid, resource in self.resources[len(self.texts):]:
                self.texts.append(self.render(lid, resource))
                self.size += len(self.texts[-1]) + 2
        return self.texts

    def json_text(self, indent, size, extra, budget=None):
        """The template as JSON: `Resources` filled to about `size` bytes, then `extra` sections."""
        texts = self.fill(size, budget)
        pad = " " * indent
        out = ["{", f'{pad}"Resources": {{', ",\n".join(texts), f"{pad}}}"]
        for key, value in extra.items():
            out[-1] += ","
            body = json.dumps(value, indent=indent).replace("\n", "\n" + pad)
            out.append(f"{pad}{json.dumps(key)}: {body}")
        out.append("}")
        return "\n".join(out) + "\n"


def camel(value):
    """CDK's tree.json writes properties in camelCase; intrinsic functions stay as they are."""
    if isinstance(value, dict):
        return {(k if ":" in k or k == "Ref" else k[:1].lower() + k[1:]): camel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camel(v) for v in value]
    return value


def construct_tree(stack_path, resources):
    """The tree.json node of one stack: a node per construct, the L1 resources at the leaves with
    their type and properties."""
    root = {"id": stack_path[-1], "path": "/".join(stack_path), "children": {},
            "constructInfo": {"fqn": "aws-cdk-lib.Stack", "version": CDK_VERSION}}
    for path, _, resource in resources:
        node = root
        for depth, part in enumerate(path):
            children = node.setdefault("children", {})
            if part not in children:
                children[part] = {"id": part, "path": "/".join(stack_path + path[:depth + 1]),
                                  "constructInfo": {"fqn": "constructs.Construct", "version": "10.3.0"}}
            node = children[part]
        kind = resource["Type"]
        service, name = kind.split("::")[1:3]
        node["attributes"] = {"aws:cdk:cloudformation:type": kind,
                              "aws:cdk:cloudformation:props": camel(resource.get("Properties", {}))}
        node["constructInfo"] = {"fqn": f"aws-cdk-lib.aws_{service.lower()}.Cfn{name}", "version": CDK_VERSION}
    return root


def bootstrap_sections():
    return {
        "Parameters": {"BootstrapVersion": {
            "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version",
            "Description": "Version of the CDK Bootstrap resources in this environment, automatically "
                           "retrieved from SSM Parameter Store. [cdk:skip]"}},
        "Rules": {"CheckBootstrapVersion": {"Assertions": [{
            "Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"], {"Ref": "BootstrapVersion"}]}]},
            "AssertDescription": "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a "
                                 "recent version of the CDK CLI."}]}},
    }


def stack_artifact(stack_id, template, inline_metadata):
    role = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds"
    artifact = {
        "type": "aws:cloudformation:stack",
        "environment": "aws://unknown-account/unknown-region",
        "properties": {
            "templateFile": template, "terminationProtection": False, "validateOnSynth": False,
            "assumeRoleArn": f"{role}-deploy-role-${{AWS::AccountId}}-${{AWS::Region}}",
            "cloudFormationExecutionRoleArn": f"{role}-cfn-exec-role-${{AWS::AccountId}}-${{AWS::Region}}",
            "requiresBootstrapStackVersion": 6,
            "bootstrapStackVersionSsmParameter": "/cdk-bootstrap/hnb659fds/version",
            "additionalDependencies": [f"{stack_id}.assets"]},
        "dependencies": [f"{stack_id}.assets"],
        "displayName": stack_id,
    }
    if inline_metadata is None:
        artifact["additionalMetadataFile"] = f"{stack_id}.metadata.json"
    else:
        artifact["metadata"] = inline_metadata
    return artifact


def write_assembly(out, stacks, rng, prefix="", inline=False):
    """Writes one cloud assembly directory: each stack's template, metadata and asset manifest,
    the function code assets, and the manifest. Returns the manifest's artifacts."""
    artifacts = {}
    for stack, template_size, has_pool in stacks:
        stack_id = f"{prefix}{stack}"
        builder = Stack(stack_id, rng, cdk=True)
        if has_pool:
            builder.user_pool()
        template = builder.json_text(1, template_size, budget=rng.randint(150, 330), extra={
            "Outputs": {"ExportsOutputRefUserPool": {"Value": builder.pool_id,
                                                      "Export": {"Name": f"{stack_id}:UserPoolId"}}},
            **bootstrap_sections()})
        write(os.path.join(out, f"{stack_id}.template.json"), template)
        metadata = {f"/{stack_id}": [{"type": "aws:cdk:templateFile", "data": f"{stack_id}.template.json"}]}
        for path, lid, _ in builder.resources:
            metadata["/" + "/".join((stack_id,) + path)] = [{"type": "aws:cdk:logicalId", "data": lid}]
        if not inline:
            write(os.path.join(out, f"{stack_id}.metadata.json"), json.dumps(metadata, indent=1))
        files = {}
        for name, _ in builder.functions[:4]:
            digest = f"{rng.getrandbits(256):064x}"
            files[digest] = {"displayName": f"{stack_id}/{name}/Code", "source": {
                "path": f"asset.{digest}", "packaging": "zip"}, "destinations": {}}
            write(os.path.join(out, f"asset.{digest}", "index.js"), bundled_js(name, rng))
        files[f"{rng.getrandbits(256):064x}"] = {"displayName": f"{stack_id} Template", "source": {
            "path": f"{stack_id}.template.json", "packaging": "file"}, "destinations": {}}
        write(os.path.join(out, f"{stack_id}.assets.json"),
              json.dumps({"version": "38.0.1", "files": files, "dockerImages": {}}, indent=2))
        artifacts[f"{stack_id}.assets"] = {"type": "cdk:asset-manifest",
                                           "properties": {"file": f"{stack_id}.assets.json"}}
        artifacts[stack_id] = stack_artifact(stack_id, f"{stack_id}.template.json", metadata if inline else None)
        artifacts[stack_id]["_tree"] = construct_tree((stack_id,), builder.resources)
    return artifacts


def bundled_js(name, rng):
    """A function's bundled code (esbuild output, roughly): never read by coglint."""
    body = "".join(f"var v{i}=function(e){{return e&&e.__esModule?e:{{default:e}}}};"
                   for i in range(rng.choice([20, 100, 400])))
    return f'"use strict";/* {name} */{body}exports.handler=async function(e){{return{{statusCode:200}}}};\n'


def cdk_app(base, name, rng, size, stage, custom_output, inline):
    """A CDK app: its TypeScript, cdk.json, and the cloud assembly `cdk synth` left (in
    `cdk.out`, or in the directory cdk.json names). `size`: the templates' bytes."""
    output = "build/cloud-assembly" if custom_output else "cdk.out"
    cdk_json = {"app": f"npx ts-node --prefer-ts-exts bin/{name}.ts",
                "watch": {"include": ["**"], "exclude": ["README.md", "cdk*.json", "**/*.d.ts", "node_modules"]},
                "context": {"@aws-cdk/core:stackRelativeExports": True,
                            "@aws-cdk/aws-lambda:recognizeLayerVersion": True}}
    if custom_output:
        cdk_json["output"] = output
    write(os.path.join(base, "cdk.json"), json.dumps(cdk_json, indent=2))
    write(os.path.join(base, "package.json"), json.dumps({
        "name": name, "version": "0.1.0", "bin": {name: f"bin/{name}.js"},
        "scripts": {"build": "tsc", "cdk": "cdk", "test": "jest"},
        "dependencies": {"aws-cdk-lib": CDK_VERSION, "constructs": "^10.0.0"}}, indent=2))
    write(os.path.join(base, "tsconfig.json"), json.dumps({"compilerOptions": {
        "target": "ES2020", "module": "commonjs", "strict": True, "outDir": "dist"}}, indent=2))
    names = ["Auth", "Api", "Data", "Jobs", "Web", "Events", "Admin"]
    count = rng.randint(2, 5)
    stacks = []
    for i, stack in enumerate(names[:count]):
        share = rng.uniform(0.5, 1.5) / count
        stacks.append((f"{stack}Stack", int(size * share), i == 0))
        write(os.path.join(base, "lib", f"{stack.lower()}-stack.ts"), ts_source(f"{stack}Stack", rng))
    write(os.path.join(base, "bin", f"{name}.ts"), ts_source(name, rng))
    for i in range(rng.randint(2, 6)):
        write(os.path.join(base, "test", f"stack{i}.test.ts"), ts_source(f"test{i}", rng))
    out = os.path.join(base, output)
    if stage:
        artifacts = {}
        tree_children = {}
        for stage_name in ("Dev", "Prod"):
            sub = f"assembly-{name}-{stage_name}"
            inner = write_assembly(os.path.join(out, sub), stacks, rng, prefix=f"{stage_name}", inline=inline)
            stage_tree = {"id": stage_name, "path": stage_name, "children": {},
                          "constructInfo": {"fqn": "aws-cdk-lib.Stage", "version": CDK_VERSION}}
            for key, artifact in inner.items():
                tree = artifact.pop("_tree", None)
                if tree is not None:
                    stage_tree["children"][tree["id"]] = tree
            write(os.path.join(out, sub, "manifest.json"), json.dumps({"version": "38.0.1", "artifacts": inner},
                                                                      indent=2))
            write(os.path.join(out, sub, "cdk.out"), '{"version":"38.0.1"}')
            artifacts[sub] = {"type": "cdk:cloud-assembly",
                              "properties": {"directoryName": sub, "displayName": stage_name}}
            tree_children[stage_name] = stage_tree
    else:
        artifacts = write_assembly(out, stacks, rng, inline=inline)
        tree_children = {}
        for artifact in artifacts.values():
            tree = artifact.pop("_tree", None)
            if tree is not None:
                tree_children[tree["id"]] = tree
    tree_children["CDKMetadata"] = {"id": "CDKMetadata", "path": "CDKMetadata",
                                    "constructInfo": {"fqn": "constructs.Construct", "version": "10.3.0"}}
    write(os.path.join(out, "tree.json"), json.dumps({"version": "tree-0.1", "tree": {
        "id": "App", "path": "", "children": tree_children,
        "constructInfo": {"fqn": "aws-cdk-lib.App", "version": CDK_VERSION}}}))
    artifacts["Tree"] = {"type": "cdk:tree", "properties": {"file": "tree.json"}}
    write(os.path.join(out, "manifest.json"), json.dumps({"version": "38.0.1", "artifacts": artifacts}, indent=2))
    write(os.path.join(out, "cdk.out"), '{"version":"38.0.1"}')


def ts_source(name, rng):
    lines = [f"import * as cdk from 'aws-cdk-lib';", f"// {name}", f"export class {name.replace('-', '')} {{"]
    lines += [f"  method{i}(input: string): string {{ return input.trim() + '{i}'; }}"
              for i in range(rng.choice([10, 40, 150]))]
    return "\n".join(lines + ["}"]) + "\n"


def big_template(name, rng, size, yaml, sam):
    """A hand-written CloudFormation template of `size` bytes: one user pool among hundreds of
    other resources, with parameters, conditions and outputs."""
    stack = Stack(name, rng, cdk=False, pool="UserPool", render=render_yaml if yaml else render_json(2))
    position = rng.uniform(0.1, 0.9)
    budget = rng.randint(250, 330)
    # Fill part of it, then the pool, then the rest, so the pool sits among the others.
    stack.fill(size * position, int(budget * position))
    stack.user_pool()
    stack.fill(size, budget)
    head = {"AWSTemplateFormatVersion": "2010-09-09", "Description": f"{name}: the whole platform in one stack"}
    if sam:
        head["Transform"] = "AWS::Serverless-2016-10-31"
    head["Parameters"] = {
        "Stage": {"Type": "String", "AllowedValues": ["dev", "staging", "prod"], "Default": "dev"},
        "Version": {"Type": "String", "Default": "latest"},
        "ArtifactBucket": {"Type": "String", "Default": f"{name.lower()}-artifacts"}}
    head["Conditions"] = {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}}
    tail = {"Outputs": {
        "UserPoolId": {"Value": {"Ref": "UserPool"},
                       "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-UserPoolId"}}},
        "UserPoolArn": {"Value": {"Fn::GetAtt": ["UserPool", "Arn"]}}}}
    if not yaml:
        head = json.dumps(head, indent=2)[:-2]
        tail = json.dumps(tail, indent=2)[1:]
        return f'{head},\n  "Resources": {{\n' + ",\n".join(stack.texts) + f"\n  }},{tail}\n"
    out = []
    yaml_lines(head, 0, out)
    out.append("Resources:")
    out.extend(stack.texts)
    yaml_lines(tail, 0, out)
    return "\n".join(out) + "\n"


def serverless_service(base, name, rng, with_pool):
    """A Serverless Framework service: functions behind a Cognito authorizer, resources in
    included files, per-stage configuration."""
    functions = []
    for i in range(rng.randint(10, 60)):
        functions.append(f"""  {name}Fn{i}:
    handler: src/handlers/fn{i}.handler
    memorySize: {rng.choice([128, 256, 512])}
    timeout: {rng.choice([6, 10, 30])}
    environment:
      TABLE_NAME: ${{self:custom.tableName}}
      USER_POOL_ID: ${{self:custom.userPoolId}}
    events:
      - http:
          path: /{name}/items{i}/{{id}}
          method: {rng.choice(["get", "post", "put", "delete"])}
          cors: true
          authorizer:
            type: COGNITO_USER_POOLS
            authorizerId:
              Ref: ApiGatewayAuthorizer
""")
    includes = ["  - ${file(resources/api-authorizer.yml)}", "  - ${file(resources/dynamodb.yml)}"]
    if with_pool:
        includes.insert(0, "  - ${file(resources/cognito.yml)}")
    pool_id = "!Ref UserPool" if with_pool else "${cf:auth-${sls:stage}.UserPoolId}"
    text = f"""service: {name}
frameworkVersion: "3"

provider:
  name: aws
  runtime: nodejs20.x
  stage: ${{opt:stage, 'dev'}}
  region: ${{opt:region, 'eu-west-1'}}
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - cognito-idp:AdminGetUser
            - cognito-idp:AdminUpdateUserAttributes
          Resource: "*"
        - Effect: Allow
          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
          Resource: "*"

custom:
  tableName: {name}-${{sls:stage}}
  userPoolId: {pool_id}
  config: ${{file(config/${{sls:stage}}.yml)}}

functions:
{"".join(functions)}
resources:
{chr(10).join(includes)}
"""
    write(os.path.join(base, "serverless.yml"), text)
    write(os.path.join(base, "resources/api-authorizer.yml"), f"""Resources:
  ApiGatewayAuthorizer:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      Name: {name}-cognito
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      RestApiId:
        Ref: ApiGatewayRestApi
      ProviderARNs:
        - ${{cf:auth-${{sls:stage}}.UserPoolArn, 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/none'}}
""")
    tables = []
    for i in range(rng.randint(1, 20)):
        tables.append(f"""  Table{i}:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: {name}-t{i}-${{sls:stage}}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
        - AttributeName: sk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
        - AttributeName: sk
          KeyType: RANGE
""")
    write(os.path.join(base, "resources/dynamodb.yml"), "Resources:\n" + "".join(tables))
    if with_pool:
        stack = Stack(name, rng, cdk=False, pool="UserPool")
        stack.user_pool()
        out = ["Resources:"]
        for _, lid, resource in stack.resources:
            out.append(f"  {lid}:")
            yaml_lines(resource, 4, out)
        write(os.path.join(base, "resources/cognito.yml"), "\n".join(out) + "\n")
    for stage in ("dev", "staging", "prod"):
        write(os.path.join(base, f"config/{stage}.yml"),
              f"logLevel: {'info' if stage == 'prod' else 'debug'}\nmfa: {'ON' if stage == 'prod' else 'OFF'}\n"
              f"domain: {name}.{stage}.example.com\n")
    for i in range(0, len(functions), 4):
        write(os.path.join(base, f"src/handlers/fn{i}.ts"), ts_source(f"fn{i}", rng))


# -- Terraform ------------------------------------------------------------------------------------

def tf_cognito_module():
    main = """resource "aws_cognito_user_pool" "this" {
  name                     = var.name
  mfa_configuration        = var.mfa
  deletion_protection      = var.environment == "prod" ? "ACTIVE" : "INACTIVE"
  auto_verified_attributes = ["email"]
  username_attributes      = ["email"]

  password_policy {
    minimum_length                   = var.password_length
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = var.environment == "prod"
    require_uppercase                = true
    temporary_password_validity_days = 7
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  user_pool_add_ons {
    advanced_security_mode = var.environment == "prod" ? "ENFORCED" : "AUDIT"
  }

  dynamic "schema" {
    for_each = var.attributes
    content {
      name                = schema.key
      attribute_data_type = "String"
      mutable             = schema.value
    }
  }

  tags = var.tags
}

resource "aws_cognito_user_pool_client" "this" {
  for_each                             = var.clients
  name                                 = each.key
  user_pool_id                         = aws_cognito_user_pool.this.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = each.value.flows
  allowed_oauth_scopes                 = ["openid", "email", "profile"]
  callback_urls                        = each.value.callbacks
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  generate_secret                      = each.value.secret
  prevent_user_existence_errors        = "ENABLED"
  supported_identity_providers         = ["COGNITO"]
}

resource "aws_cognito_user_pool_domain" "this" {
  domain       = "${var.name}-auth"
  user_pool_id = aws_cognito_user_pool.this.id
}

resource "aws_cognito_identity_pool" "this" {
  identity_pool_name               = replace(var.name, "-", "_")
  allow_unauthenticated_identities = var.guests

  dynamic "cognito_identity_providers" {
    for_each = aws_cognito_user_pool_client.this
    content {
      client_id     = cognito_identity_providers.value.id
      provider_name = aws_cognito_user_pool.this.endpoint
    }
  }
}

resource "aws_iam_role" "authenticated" {
  name = "${var.name}-authenticated"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals             = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.this.id }
        "ForAnyValue:StringLike" = { "cognito-identity.amazonaws.com:amr" = "authenticated" }
      }
    }]
  })
}

resource "aws_cognito_identity_pool_roles_attachment" "this" {
  identity_pool_id = aws_cognito_identity_pool.this.id
  roles = {
    authenticated = aws_iam_role.authenticated.arn
  }
}
"""
    variables = """variable "name" {
  type = string
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "mfa" {
  type    = string
  default = "OPTIONAL"
}

variable "password_length" {
  type    = number
  default = 12
}

variable "guests" {
  type    = bool
  default = false
}

variable "attributes" {
  type    = map(bool)
  default = { tenant_id = false, role = true }
}

variable "clients" {
  type = map(object({
    flows     = list(string)
    callbacks = list(string)
    secret    = bool
  }))
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
"""
    outputs = """output "user_pool_id" {
  value = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  value = aws_cognito_user_pool.this.arn
}

output "endpoint" {
  value = aws_cognito_user_pool.this.endpoint
}

output "client_ids" {
  value = { for k, c in aws_cognito_user_pool_client.this : k => c.id }
}
"""
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}


def tf_api_module():
    main = """resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.this.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"

  jwt_configuration {
    audience = var.audience
    issuer   = "https://${var.user_pool_endpoint}"
  }
}

resource "aws_apigatewayv2_route" "this" {
  for_each           = var.routes
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  authorization_type = each.value ? "JWT" : "NONE"
  authorizer_id      = each.value ? aws_apigatewayv2_authorizer.cognito.id : null
}
"""
    variables = """variable "name" {
  type = string
}

variable "user_pool_endpoint" {
  type = string
}

variable "audience" {
  type    = list(string)
  default = []
}

variable "routes" {
  type    = map(bool)
  default = {}
}
"""
    return {"main.tf": main, "variables.tf": variables}


def tf_service_module():
    """A Lambda service with its role, policy, log group and alarms; calls the monitoring module."""
    main = """data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${var.name}-role"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "this" {
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
        Resource = var.table_arns
      },
      {
        Effect   = "Allow"
        Action   = ["cognito-idp:AdminGetUser"]
        Resource = var.user_pool_arn == null ? [] : [var.user_pool_arn]
      }
    ]
  })
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = aws_iam_role.this.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  memory_size   = var.memory
  timeout       = 30
  s3_bucket     = var.artifact_bucket
  s3_key        = "${var.name}/${var.release}.zip"

  environment {
    variables = merge(var.environment, { USER_POOL_ARN = coalesce(var.user_pool_arn, "none") })
  }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = 30
}

module "alarms" {
  source    = "../monitoring"
  name      = var.name
  function  = aws_lambda_function.this.function_name
  threshold = var.error_threshold
}
"""
    variables = "".join(f'variable "{name}" {{\n  default = {default}\n}}\n\n' for name, default in [
        ("name", '"service"'), ("memory", "256"), ("artifact_bucket", '"artifacts"'), ("release", '"latest"'),
        ("table_arns", "[]"), ("user_pool_arn", "null"), ("environment", "{}"), ("error_threshold", "5")])
    return {"main.tf": main, "variables.tf": variables}


def tf_monitoring_module():
    alarms = "".join(f"""resource "aws_cloudwatch_metric_alarm" "{metric.lower()}" {{
  alarm_name          = "${{var.name}}-{metric.lower()}"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "{metric}"
  namespace           = "AWS/Lambda"
  period              = 300
  statistic           = "Sum"
  threshold           = var.threshold
  dimensions = {{
    FunctionName = var.function
  }}
}}

""" for metric in ["Errors", "Throttles", "Duration", "ConcurrentExecutions"])
    variables = 'variable "name" {}\nvariable "function" {}\nvariable "threshold" {\n  default = 5\n}\n'
    return {"main.tf": alarms, "variables.tf": variables}


def tf_network_module(size=20_000):
    return {"main.tf": network_module(7, size),
            "outputs.tf": 'output "vpc_id" {\n  value = aws_vpc.main.id\n}\n'}


def tf_bulk(root, index, size, rng):
    """Generated Terraform without Cognito (SSM parameters, DNS records, alarms, IAM policies),
    about `size` bytes: the bulk of a root module."""
    parts = []
    total = 0
    n = 0
    while total < size:
        kind = (index + n) % 4
        if kind == 0:
            enabled = str(rng.random() < 0.5).lower()
            part = f"""resource "aws_ssm_parameter" "p{index}_{n}" {{
  name  = "/${{local.prefix}}/config/key{n}"
  type  = "String"
  value = jsonencode({{ enabled = {enabled}, limit = {rng.randint(1, 1000)}, owner = "team-{n % 7}" }})
  tags  = local.tags
}}

"""
        elif kind == 1:
            part = f"""resource "aws_route53_record" "r{index}_{n}" {{
  zone_id = var.zone_id
  name    = "host{n}.${{var.domain}}"
  type    = "CNAME"
  ttl     = 300
  records = ["lb-{n % 13}.{root}.internal.example.com"]
}}

"""
        elif kind == 2:
            part = f"""resource "aws_cloudwatch_metric_alarm" "a{index}_{n}" {{
  alarm_name          = "${{local.prefix}}-queue-{n}-age"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = {rng.randint(1, 5)}
  metric_name         = "ApproximateAgeOfOldestMessage"
  namespace           = "AWS/SQS"
  period              = 60
  statistic           = "Maximum"
  threshold           = {rng.choice([60, 300, 900])}
  alarm_actions       = [var.alarm_topic]
  dimensions = {{
    QueueName = "${{local.prefix}}-queue-{n}"
  }}
}}

"""
        else:
            part = f"""resource "aws_iam_policy" "i{index}_{n}" {{
  name = "${{local.prefix}}-access-{n}"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::${{local.prefix}}-bucket-{n}", "arn:aws:s3:::${{local.prefix}}-bucket-{n}/*"]
      }},
      {{
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = [var.kms_key_arn]
      }}
    ]
  }})
}}

"""
        parts.append(part)
        total += len(part)
        n += 1
    return "".join(parts)


def tf_root(path, modules, name, rng, bulk, auth, generated):
    """A root module: backend, provider, calls to the shared modules (the Cognito one if `auth`),
    tfvars, and `bulk` bytes of other resources, in one generated file of about 1 MB if
    `generated`, else in files of 20 to 300 KB."""
    rel = os.path.relpath(modules, path)
    calls = [f"""module "network" {{
  source = "{rel}/network"
  cidr   = var.cidr
}}
"""]
    pool_arn = "null"
    if auth:
        pool_arn = "module.auth.user_pool_arn"
        calls.append(f"""module "auth" {{
  source          = "{rel}/cognito"
  name            = "{name}-${{var.environment}}"
  environment     = var.environment
  mfa             = var.environment == "prod" ? "ON" : var.mfa
  password_length = var.password_length
  tags            = local.tags
  clients = {{
    web = {{
      flows     = ["code"]
      callbacks = ["https://{name}.example.com/callback"]
      secret    = false
    }}
    mobile = {{
      flows     = var.mobile_flows
      callbacks = ["myapp://callback"]
      secret    = false
    }}
  }}
}}

module "api" {{
  source             = "{rel}/api"
  name               = "{name}"
  user_pool_endpoint = module.auth.endpoint
  audience           = values(module.auth.client_ids)
  routes             = {{ "GET /items" = true, "POST /items" = true, "GET /health" = false }}
}}
""")
    for i in range(rng.randint(2, 6)):
        calls.append(f"""module "service_{i}" {{
  source          = "{rel}/service"
  name            = "{name}-svc{i}"
  memory          = {rng.choice([128, 256, 512, 1024])}
  user_pool_arn   = {pool_arn}
  error_threshold = {rng.randint(1, 10)}
  environment     = {{ STAGE = var.environment }}
}}
""")
    write(os.path.join(path, "main.tf"), f"""terraform {{
  required_version = ">= 1.6"
  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }}
  }}
  backend "s3" {{
    bucket = "tf-state-{rng.getrandbits(32):08x}"
    key    = "{name}/terraform.tfstate"
    region = "eu-west-1"
  }}
}}

provider "aws" {{
  region = var.region
  default_tags {{
    tags = local.tags
  }}
}}

""" + "\n".join(calls))
    write(os.path.join(path, "variables.tf"), "".join(
        f'variable "{v}" {{\n  default = {d}\n}}\n\n' for v, d in [
            ("region", '"eu-west-1"'), ("environment", '"dev"'), ("mfa", '"OPTIONAL"'), ("password_length", "12"),
            ("mobile_flows", '["code"]'), ("cidr", '"10.0.0.0/16"'), ("zone_id", '"Z123"'),
            ("domain", '"example.com"'), ("alarm_topic", '"arn:aws:sns:eu-west-1:123456789012:alarms"'),
            ("kms_key_arn", '"arn:aws:kms:eu-west-1:123456789012:key/none"')]))
    write(os.path.join(path, "locals.tf"), f"""locals {{
  prefix = "{name}-${{var.environment}}"
  tags = {{
    Project     = "{name}"
    Environment = var.environment
    ManagedBy   = "terraform"
  }}
}}
""")
    environment = rng.choice(["dev", "staging", "prod"])
    mfa = rng.choice(["OFF", "OPTIONAL", "ON"])
    flows = rng.choice(['["code"]', '["code", "implicit"]'])
    write(os.path.join(path, "terraform.tfvars"),
          f'environment = "{environment}"\nmfa = "{mfa}"\nmobile_flows = {flows}\n')
    if generated:
        write(os.path.join(path, "generated.tf"), tf_bulk(name, 0, bulk, rng))
        return
    done = 0
    i = 0
    while done < bulk:
        size = min(bulk - done, rng.choice([20_000, 60_000, 150_000, 300_000]))
        write(os.path.join(path, f"{['ssm', 'dns', 'alarms', 'iam'][i % 4]}_{i}.tf"), tf_bulk(name, i, size, rng))
        done += size
        i += 1


def write_tf_modules(modules, network_size=20_000):
    for module, files in [("cognito", tf_cognito_module()), ("api", tf_api_module()),
                          ("service", tf_service_module()), ("monitoring", tf_monitoring_module()),
                          ("network", tf_network_module(network_size))]:
        for name, text in files.items():
            write(os.path.join(modules, module, name), text)


def terraform_corpus(out, roots):
    """Many roots (one per account, region and stack) calling shared local modules; each root
    about 1 MB of `.tf`, one in twenty of them mostly a single generated 1 MB file."""
    modules = os.path.join(out, "modules")
    write_tf_modules(modules, 50_000)
    write(os.path.join(out, "README.md"), "# Infrastructure\n\nOne root module per account, region and stack.\n")
    accounts = ["shared", "dev", "staging", "prod", "sandbox"]
    regions = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"]
    for r in range(roots):
        rng = random.Random(f"terraform-root-{r}")
        account = accounts[r % len(accounts)]
        region = regions[(r // len(accounts)) % len(regions)]
        stack = f"stack{r // (len(accounts) * len(regions)):02d}"
        path = os.path.join(out, "live", account, region, stack)
        generated = r % 20 == 7
        bulk = 1_000_000 if generated else rng.randint(800_000, 1_200_000)
        tf_root(path, modules, f"{account}-{stack}-{r}", rng, bulk=bulk, auth=r % 3 == 0, generated=generated)


# -- Repositories ---------------------------------------------------------------------------------

def filler(base, rng, name):
    """What surrounds the infrastructure: application code, docs, configuration, fixtures."""
    write(os.path.join(base, "README.md"), f"# {name}\n\n" + "Some words about the project.\n" * rng.randint(5, 200))
    write(os.path.join(base, "package.json"), json.dumps({
        "name": name, "version": "1.0.0", "private": True,
        "dependencies": {"amazon-cognito-identity-js": "^6.3.0", "aws-amplify": "^6.0.0", "react": "^18.2.0"},
        "devDependencies": {"typescript": "^5.4.0", "jest": "^29.7.0"}}, indent=2))
    if rng.random() < 0.35:
        packages = {}
        for i in range(rng.choice([300, 1000, 3000])):
            dep = f"node_modules/{'@scope/' if i % 5 == 0 else ''}pkg-{i}"
            packages[dep] = {"version": f"{i % 9}.{i % 13}.{i % 7}",
                             "resolved": f"https://registry.npmjs.org/pkg-{i}/-/pkg-{i}-{i % 9}.0.0.tgz",
                             "integrity": f"sha512-{rng.getrandbits(256):064x}", "dev": i % 3 == 0}
        packages["node_modules/amazon-cognito-identity-js"] = {"version": "6.3.12"}
        write(os.path.join(base, "package-lock.json"),
              json.dumps({"name": name, "lockfileVersion": 3, "packages": packages}, indent=2))
    write(os.path.join(base, ".github/workflows/ci.yml"), workflow(0))
    for i in range(rng.randint(25, 90)):
        ext = rng.choice(["ts", "tsx", "ts", "py", "js"])
        write(os.path.join(base, "src", f"module{i // 10}", f"file{i}.{ext}"), ts_source(f"file{i}", rng))
    for i in range(rng.randint(0, 10)):
        event = {"resource": f"/items{i}", "httpMethod": "GET", "requestContext": {"authorizer": {"claims": {
            "sub": f"{rng.getrandbits(128):032x}", "cognito:username": f"user{i}", "email": f"user{i}@example.com"}}},
            "body": "x" * rng.choice([100, 5_000])}
        write(os.path.join(base, "test/fixtures", f"event{i}.json"), json.dumps(event, indent=2))
    write(os.path.join(base, "src/config/auth.json"), json.dumps({
        "region": "eu-west-1", "userPoolId": "eu-west-1_AbCdEf123", "userPoolWebClientId": "1example23456789",
        "oauth": {"domain": f"{name}.auth.eu-west-1.amazoncognito.com", "scope": ["openid", "email"]}}, indent=2))
    if rng.random() < 0.3:
        write(os.path.join(base, "deploy/k8s.yaml"), k8s(0, rng.choice([2_000, 20_000])))
        write(os.path.join(base, "docker-compose.yml"), "services:\n  app:\n    build: .\n    ports: ['3000:3000']\n")


def repository(out, r):
    """Repository `r` of a `real` corpus. Which kinds of infrastructure it holds turns with `r`,
    so that any 20 consecutive repositories have the same mixture."""
    rng = random.Random(f"repository-{r}")
    name = f"repo-{r:03d}"
    base = os.path.join(out, name)
    filler(base, rng, name)
    if r % 5 in (0, 1, 3):
        apps = 1 + (r % 4 == 0)
        for a in range(apps):
            app = f"app{a}" if apps > 1 else "infra"
            cdk_app(os.path.join(base, app), f"{name}-{app}", rng, size=int(rng.uniform(0.6, 1.6) * 560_000),
                    stage=r % 10 == 3, custom_output=r % 20 == 1, inline=r % 10 == 0)
    if r % 4 == 1:
        templates = os.path.join(base, "templates")
        write(os.path.join(templates, "platform.yaml" if r % 3 else "platform.json"),
              big_template(f"Platform{r}", rng, int(rng.uniform(1.0, 3.0) * 1_000_000), yaml=r % 3 != 0,
                           sam=r % 2 == 0))
        for i in range(rng.randint(2, 6)):
            stack = Stack(f"Part{i}", rng, cdk=False)
            text = stack.json_text(2, rng.choice([10_000, 40_000, 120_000]), {})
            write(os.path.join(templates, f"part{i}.json"), text)
        write(os.path.join(base, "params", "prod.json"), json.dumps(
            [{"ParameterKey": "Stage", "ParameterValue": "prod"}], indent=2))
    if r % 3 == 2:
        for s in range(rng.randint(2, 5)):
            serverless_service(os.path.join(base, "services", f"svc{s}"), f"{name}-svc{s}", rng, with_pool=s == 0)
    if r % 4 == 2:
        tf = os.path.join(base, "terraform")
        write_tf_modules(os.path.join(tf, "modules"), rng.choice([5_000, 30_000]))
        for env in ("dev", "staging", "prod"):
            tf_root(os.path.join(tf, "envs", env), os.path.join(tf, "modules"), f"{name}-{env}", rng,
                    bulk=rng.choice([100_000, 300_000, 600_000]), auth=True, generated=env == "prod" and r % 8 == 2)


def real_corpus(out, repositories):
    for r in range(repositories):
        repository(out, r)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in PRESETS:
        sys.exit(__doc__)
    preset, out = sys.argv[1], sys.argv[2]
    kind, size = PRESETS[preset]
    if os.path.exists(out):
        shutil.rmtree(out)
    if kind == "repositories":
        real_corpus(out, size)
    elif kind == "roots":
        terraform_corpus(out, size)
    else:
        services_corpus(out, *size)
    files = sum(len(f) for _, _, f in os.walk(out))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    print(f"{preset}: {files} files, {size / 1e6:.1f} MB in {out}")


def services_corpus(out, groups, big_every):
    rng = random.Random(42)
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


if __name__ == "__main__":
    main()

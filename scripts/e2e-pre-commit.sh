#!/usr/bin/env bash
# The pre-commit hook end to end, with the real pre-commit from PyPI: in a small repository, the
# hook fails on a template with MFA off, and passes once the template is fixed.
# Needs pre-commit (pip install pre-commit) and git; builds coglint through pre-commit's rust
# support, reusing this checkout's target directory.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export PRE_COMMIT_HOME="$work/cache"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

cd "$work"
git init -q project
cd project
git config user.email "ci@example.invalid"
git config user.name "coglint ci"

secure_pool='Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: "ON"
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
      UserPoolTier: PLUS
      DeletionProtection: ACTIVE
      UsernameConfiguration:
        CaseSensitive: false
      AdminCreateUserConfig:
        AllowAdminCreateUserOnly: true
      AccountRecoverySetting:
        RecoveryMechanisms: [{Name: admin_only, Priority: 1}]
      UserPoolAddOns:
        AdvancedSecurityMode: ENFORCED
      Policies:
        PasswordPolicy:
          MinimumLength: 14
          TemporaryPasswordValidityDays: 1
          PasswordHistorySize: 12
  Waf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !GetAtt Pool.Arn
      WebACLArn: arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd
  Logs:
    Type: AWS::Cognito::LogDeliveryConfiguration
    Properties:
      UserPoolId: !Ref Pool
      LogConfigurations:
        - EventSource: userAuthEvents
          LogLevel: INFO
          S3Configuration:
            BucketArn: arn:aws:s3:::example-cognito-logs
'
printf '%s' "$secure_pool" > good.yaml
printf '%s' "$secure_pool" | sed 's/"ON"/"OFF"/' > bad.yaml
printf 'on: push\njobs: {}\n' > workflow.yml
git add . && git commit -qm "templates"

echo "== the hook must fail on bad.yaml"
if python3 -m pre_commit try-repo "$repo" coglint --all-files > run1.log 2>&1; then
  cat run1.log
  echo "e2e-pre-commit: the hook passed on a template with MFA off" >&2
  exit 1
fi
cat run1.log
grep -q "COG101" run1.log || { echo "e2e-pre-commit: no COG101 in the hook's output" >&2; exit 1; }

echo "== the hook must pass once fixed"
printf '%s' "$secure_pool" > bad.yaml
git add . && git commit -qm "fix"
python3 -m pre_commit try-repo "$repo" coglint --all-files
echo "e2e-pre-commit: ok"

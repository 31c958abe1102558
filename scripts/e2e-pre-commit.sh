#!/usr/bin/env bash
# The pre-commit hooks end to end, with the real pre-commit from PyPI: in a small repository,
# each hook fails on a template with MFA off, and passes once the template is fixed.
# - `coglint` (language: rust) builds coglint through pre-commit's rust support, reusing this
#   checkout's target directory.
# - `coglint-wheel` (language: python) installs the root pyproject.toml, which requires the
#   coglint wheel. Here pip reads no index: it finds that wheel in COGLINT_WHEELS (a directory
#   holding the wheel built from this checkout, as scripts/e2e-wheel.sh leaves it), and the
#   hook runs with no cargo on PATH.
# Needs pre-commit (pip install pre-commit) and git. Usage: COGLINT_WHEELS=DIR e2e-pre-commit.sh
# (without COGLINT_WHEELS, only the rust hook is tested, and the script says so).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export PRE_COMMIT_HOME="$work/cache"
wheels="${COGLINT_WHEELS:+$(cd "$COGLINT_WHEELS" && pwd)}"
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
printf 'on: push\njobs: {}\n' > workflow.yml

# run_hook ID: the hook fails on bad.yaml with COG101, then passes once bad.yaml is fixed.
run_hook() {
  local id="$1"
  printf '%s' "$secure_pool" | sed 's/"ON"/"OFF"/' > bad.yaml
  git add . && git commit -qm "MFA off" --allow-empty
  echo "== $id: the hook must fail on bad.yaml"
  if python3 -m pre_commit try-repo "$repo" "$id" --all-files > "$id.log" 2>&1; then
    cat "$id.log"
    echo "e2e-pre-commit: $id passed on a template with MFA off" >&2
    exit 1
  fi
  cat "$id.log"
  grep -q "COG101" "$id.log" || { echo "e2e-pre-commit: no COG101 in the output of $id" >&2; exit 1; }

  echo "== $id: the hook must pass once fixed"
  printf '%s' "$secure_pool" > bad.yaml
  git add . && git commit -qm "fix"
  python3 -m pre_commit try-repo "$repo" "$id" --all-files
}

run_hook coglint

if [ -z "$wheels" ]; then
  echo "e2e-pre-commit: COGLINT_WHEELS is not set: the coglint-wheel hook was not tested"
else
  links="$work/links"
  mkdir -p "$links"
  cp "$wheels"/coglint-*.whl "$links/"
  # The placeholder package's build backend, so that pip needs no index at all.
  python3 -m pip download --quiet --disable-pip-version-check --only-binary=:all: \
    --dest "$links" "setuptools>=61"
  # No cargo on PATH: the wheel hook must not need a Rust toolchain.
  nocargo=""
  IFS=: read -r -a dirs <<< "$PATH"
  for dir in "${dirs[@]}"; do
    if [ ! -x "$dir/cargo" ]; then nocargo="${nocargo:+$nocargo:}$dir"; fi
  done
  (
    export PATH="$nocargo" PIP_NO_INDEX=1 PIP_FIND_LINKS="$links"
    if command -v cargo >/dev/null; then echo "e2e-pre-commit: cargo is still on PATH" >&2; exit 1; fi
    run_hook coglint-wheel
  )
fi
echo "e2e-pre-commit: ok"

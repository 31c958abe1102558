#!/usr/bin/env bash
# Regenerates the committed CDK cloud assemblies (<app>/cdk.out) of coglint's
# test data. Needs Node >= 20 and npm with access to the npm registry; needs no
# AWS account or credentials (the apps do no lookups, and synthesis runs the
# apps directly through tsx, without the CDK CLI).
#
# Usage: bash testdata/cdk/regenerate.sh [app ...]   (default: every app)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then
  apps=(plain-stack stage nested-stack stack-traces)
fi

# Exact versions from package-lock.json; node_modules/ is not committed.
npm ci --no-audit --no-fund

# Type-check every app before synthesizing.
./node_modules/.bin/tsc --noEmit -p tsconfig.json

for app in "${apps[@]}"; do
  if [ ! -f "$app/app.ts" ]; then
    echo "regenerate.sh: no such app: $app" >&2
    exit 1
  fi
  echo "== synthesizing $app"
  rm -rf "$app/cdk.out"
  (
    cd "$app"
    # Keep the environment from changing what gets recorded.
    unset CDK_OUTDIR CDK_CONTEXT_JSON CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION
    if [ "$app" = stack-traces ]; then
      # Record the creation stack trace of each construct
      # (aws:cdk:creationStack entries in cdk.out/AuthStack.metadata.json).
      export CDK_DEBUG=true
    else
      unset CDK_DEBUG
    fi
    ../node_modules/.bin/tsx app.ts
  )
  (cd "$app" && find cdk.out -type f | LC_ALL=C sort | sed 's/^/   /')
done

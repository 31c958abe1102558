#!/usr/bin/env bash
# The language server in a real editor: headless Neovim (editors/neovim/check.lua) opens
# testdata/lsp/template.yaml, gets COG101 from `coglint server`, hovers it, applies the
# suppression the server offers, and sees the finding go.
# Usage: scripts/editors-check.sh [path/to/coglint]   (default: target/debug/coglint)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/coglint}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp testdata/lsp/template.yaml "$work/template.yaml"
out="$work/seen.txt"
COGLINT_BIN="$bin" COGLINT_FILE="$work/template.yaml" COGLINT_OUT="$out" \
  timeout 120 nvim --headless --clean -c "luafile editors/neovim/check.lua" </dev/null >/dev/null 2>&1 || true
cat "$out" 2>/dev/null || { echo "neovim wrote nothing" >&2; exit 1; }
fail() { echo "editors-check: $*" >&2; exit 1; }
grep -qx "status ok" "$out" || fail "the session did not finish (see its status above)"
grep -q "^diagnostic 12:25 COG101 MFA" "$out" || fail "no COG101 at 12:25"
grep -qx "hover # mfa-off (COG101)" "$out" || fail "no hover with the rule's page"
grep -qx "edited       # coglint:ignore COG101 -- TODO: why this is acceptable" "$out" \
  || fail "the suppression comment was not inserted above the line"
echo "editors-check: ok"

#!/usr/bin/env bash
# The Python wheel end to end: builds it from this checkout with maturin (python/pyproject.toml,
# reusing the checkout's target directory), installs it into a fresh virtual environment with no
# index, and runs the `coglint` that pip put on the environment's PATH: `--version` must print
# the Cargo package's version, and the examples must give their findings.
# Needs maturin (pip install maturin: a wheel, nothing to compile). Usage: e2e-wheel.sh [OUT_DIR]
# (default target/wheels); the wheel stays there for scripts/e2e-pre-commit.sh.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$repo/target/wheels}" && cd "${1:-$repo/target/wheels}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$(cd "$repo" && cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "coglint"))')"

echo "== build the wheel of coglint $version"
rm -f "$out"/coglint-"$version"-*.whl
(cd "$repo/python" && maturin build --release --locked --out "$out")
wheel="$(ls "$out"/coglint-"$version"-*.whl)"
echo "built $wheel"

echo "== install it into a fresh virtual environment"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
coglint="$work/venv/bin/coglint"

echo "== run it"
printed="$("$coglint" --version)"
echo "$printed"
if [ "$printed" != "coglint $version" ]; then
  echo "e2e-wheel: \`coglint --version\` printed \`$printed\`, not \`coglint $version\`" >&2
  exit 1
fi
set +e
(cd "$repo" && "$coglint" check examples/ --color never --format concise) > "$work/check.txt"
status=$?
set -e
cat "$work/check.txt"
if [ "$status" -ne 1 ] || ! grep -q "COG301" "$work/check.txt"; then
  echo "e2e-wheel: the wheel's coglint should exit with 1 and report COG301 on examples/ (exit $status)" >&2
  exit 1
fi
echo "e2e-wheel: ok"

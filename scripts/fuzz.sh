#!/usr/bin/env bash
# Runs each fuzz target of fuzz/ for a while (default 60 s each), starting from the corpora
# kept in fuzz/corpus/<target>.tar.gz (unpacked to fuzz/corpus/<target>/, which grows with what
# the run finds) and the rule fixtures of testdata/rules. A crash stops its target and leaves the
# input in fuzz/artifacts/<target>/; add it as a regression test (docs/robustness.md).
#
#   scripts/fuzz.sh            # every target, 60 s each
#   scripts/fuzz.sh 600 yaml   # one target, 10 minutes
#
# cargo fuzz needs a nightly compiler for its instrumentation flags; on the stable toolchain,
# RUSTC_BOOTSTRAP=1 lets rustc accept them. No sanitizer is used (-s none): the code has no
# unsafe, and the targets look for panics, hangs and runaway memory.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(yaml json hcl pipeline)
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
  echo "== $target: ${seconds} s"
  # The kept corpus is a tarball (thousands of small files); it is unpacked on first use.
  if [ ! -d "corpus/$target" ] && [ -f "corpus/$target.tar.gz" ]; then
    tar -xzf "corpus/$target.tar.gz" -C corpus
  fi
  mkdir -p "corpus/$target"
  cargo fuzz run -O -s none "$target" "corpus/$target" ../testdata/rules -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
done

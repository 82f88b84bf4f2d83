#!/usr/bin/env bash
# Short, bounded fuzzing of the parsers, the check-in code verifier and the
# photo checks with cargo-fuzz (libFuzzer). CI runs each target for
# FUZZ_SECONDS (default 20) from a debug build without a sanitizer, which
# builds in a third of the time of the optimised AddressSanitizer build;
# FUZZ_FLAGS="-O" gives that one. Longer runs: fuzz/README.md.
# cargo-fuzz passes nightly-only flags; RUSTC_BOOTSTRAP lets the stable
# toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${FUZZ_SECONDS:-20}
TARGETS=(roster_file status_list check_in_code photo_checks)

if ! command -v cargo-fuzz >/dev/null; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked --version 0.13.2 || { echo "ERROR: cannot install cargo-fuzz" >&2; exit 1; }
fi

export RUSTC_BOOTSTRAP=1
cd fuzz
FLAGS=${FUZZ_FLAGS:---dev --sanitizer none}
# shellcheck disable=SC2086 # FLAGS is a list of options
cargo fuzz build $FLAGS
for target in "${TARGETS[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  echo "==> fuzzing $target for ${SECONDS_PER_TARGET}s"
  # Fixed seed: the same run twice explores the same inputs.
  # shellcheck disable=SC2086
  cargo fuzz run $FLAGS "$target" "$corpus" "seeds/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -seed=1 -rss_limit_mb=2048 -max_len=262144 \
    -print_final_stats=1 2>&1 | tail -n 12
done
echo "==> fuzzing found nothing"

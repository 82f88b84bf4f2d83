#!/usr/bin/env bash
# Hostile uploads against the release binary, one fresh server each: imports
# of garbage, an XLSX zip bomb, PNG metadata bombs (issue #17, findings 4–6).
# Prints a table row per input (answer, bytes, time, server peak memory),
# then the memory of one check of each of the heaviest photos the limits let
# through (tests/photo_memory.rs). Figures go in docs/reliability.md.
#   scripts/measure-hostile-input.sh                  # every input
#   scripts/measure-hostile-input.sh xlsx-bomb-1gib   # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin diploma-photo
python3 scripts/measure_hostile_input.py "${CARGO_TARGET_DIR:-target}/release/diploma-photo" "$@"
if [ $# -eq 0 ]; then
  cargo test --release --quiet --test photo_memory -- --ignored --nocapture
fi

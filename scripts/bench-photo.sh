#!/usr/bin/env bash
# Benchmark: make-up photo checks and normalisation (ratio to plain decoding),
# uploads per second with 8 concurrent students, and the service's peak memory
# with 20 concurrent 10 MB uploads. Figures go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --quiet --bench photo

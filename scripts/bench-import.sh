#!/usr/bin/env bash
# Benchmark: roster import throughput through HTTP on a release build with the
# embedded setup (SQLite + in-process cache). Reports the median of 3 runs for
# a 2,000-row file (the baseline) and a 20,000-row file, and their ratio.
# Usage: scripts/bench-import.sh   (figures go in docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN=$PWD/target/release/diploma-photo
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
PORT=18181
export DP_LISTEN=127.0.0.1:$PORT DP_LOG_FORMAT=json RUST_LOG=warn DP_UPLOAD_LIMIT_BYTES=104857600
"$BIN" seed-demo --as-published >/dev/null
"$BIN" >server.log 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -sf -H 'content-type: application/json' -d '{"username":"demo-admin","password":"demo-admin-pass"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/staff" | sed 's/.*"token":"\([^"]*\)".*/\1/')
CAMPAIGN=$(curl -sf -H "authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/admin/campaigns" | sed 's/.*"id":\([0-9]*\).*/\1/')

make_csv() { # rows prefix
  echo "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号"
  for ((i = 0; i < $1; i++)); do echo "$2$(printf %07d "$i"),学生$i,CS,境内,上半年,否,否,"; done
}

median_ms() { # rows
  local times=()
  for run in 1 2 3; do
    make_csv "$1" "$run$1" > roster.csv
    local start end
    start=$(date +%s%N)
    curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" -F "file=@roster.csv" \
      "http://127.0.0.1:$PORT/api/v1/admin/campaigns/$CAMPAIGN/roster"
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

base=$(median_ms 2000)
big=$(median_ms 20000)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "2,000-row import (baseline): ${base} ms"
echo "20,000-row import:           ${big} ms"
awk -v a="$big" -v b="$base" 'BEGIN { printf "ratio 20k/2k: %.1f (10.0 = linear)\n", a / b }'

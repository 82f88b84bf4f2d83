#!/usr/bin/env bash
# Benchmark: staff progress counts and the at-risk list for a 20,000-student
# campaign, on SQLite and on PostgreSQL (release build, through HTTP with curl).
# A third of the students get a CHSI status from an imported list. Reports the
# median of repeated requests next to GET /healthz measured the same way.
# Usage: scripts/bench-progress.sh   (figures go in docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh
cargo build --release --quiet
BIN=$PWD/target/release/diploma-photo
start_services >/dev/null
PORT=$(free_port 18282)
export DP_LISTEN=127.0.0.1:$PORT DP_LOG_FORMAT=json RUST_LOG=warn DP_UPLOAD_LIMIT_BYTES=104857600
URL=http://127.0.0.1:$PORT

median_ms() { # n path
  local times=()
  for ((i = 0; i < $1; i++)); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "authorization: Bearer $TOKEN" "$URL$2")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(($1 / 2 + 1))p" | awk '{printf "%.1f", $1 * 1000}'
}

run() { # label database-url
  export DP_DATABASE_URL=$2
  (cd "$WORK" && "$BIN" seed-demo --as-published >/dev/null)
  (cd "$WORK" && exec "$BIN" >"$WORK/server.log" 2>&1) &
  local pid=$!
  for _ in $(seq 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.1; done
  TOKEN=$(curl -sf -H 'content-type: application/json' -d '{"username":"demo-admin","password":"demo-admin-pass"}' \
    "$URL/api/v1/auth/staff" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  local campaign
  campaign=$(curl -sf -H "authorization: Bearer $TOKEN" "$URL/api/v1/admin/campaigns" | sed 's/.*"id":\([0-9]*\).*/\1/')
  {
    echo "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号"
    for ((i = 0; i < 20000; i++)); do echo "7$(printf %07d "$i"),学生$i,CS,境内,上半年,否,否,"; done
  } >"$WORK/roster.csv"
  curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" -F "file=@$WORK/roster.csv" "$URL/api/v1/admin/campaigns/$campaign/roster"
  {
    echo "学号,状态"
    for ((i = 0; i < 20000; i += 3)); do echo "7$(printf %07d "$i"),$( ((i % 2)) && echo passed || echo uploaded)"; done
  } >"$WORK/chsi.csv"
  curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" -F "file=@$WORK/chsi.csv" "$URL/api/v1/admin/campaigns/$campaign/chsi-statuses"
  echo "| $1 | $(median_ms 51 /healthz) ms | $(median_ms 21 "/api/v1/staff/progress?campaign=$campaign") ms | $(median_ms 5 "/api/v1/staff/at-risk?campaign=$campaign") ms |"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "| database | GET /healthz | GET /staff/progress | GET /staff/at-risk |"
echo "|---|---|---|---|"
run "SQLite" "sqlite://$WORK/bench.db?mode=rwc"
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 'CREATE DATABASE bench' >/dev/null
run "PostgreSQL" "postgres://postgres@127.0.0.1:$PG_PORT/bench"

#!/usr/bin/env bash
# Benchmark: booking opening (2,000 students, 40 slots) on SQLite and on
# PostgreSQL + Redis, with GET /healthz as the baseline of each run.
# Figures go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh

log "services"
start_services

log "SQLite + in-process cache"
cargo bench --quiet --bench booking

log "PostgreSQL + Redis"
BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
BENCH_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
  cargo bench --quiet --bench booking

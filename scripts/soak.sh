#!/usr/bin/env bash
# Soak run (not in CI): steady mixed traffic for SOAK_SECONDS (default 600)
# at SOAK_RPS (default 200) on PostgreSQL + Redis, printing requests, errors,
# p50/p99 and RSS every ten seconds. Results go in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh

log "services"
start_services

log "soak: PostgreSQL + Redis"
BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
BENCH_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
  cargo bench --quiet --bench soak

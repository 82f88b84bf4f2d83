#!/usr/bin/env bash
# The mini-program SDK (sdk/miniprogram) against the real server:
#   1. its dev dependencies from the committed package-lock.json (npm ci);
#   2. the generated types (src/schema.ts, src/date-fields.ts) must match
#      docs/openapi.json, and dist/ must match a fresh tsc build;
#   3. the type-level checks of dist/*.d.ts (test/types.ts);
#   4. a fresh server on a free loopback port, loaded with `seed-demo`, and
#      the Node tests (node --test, through a wx shim) against it.
# Backends: SQLite in a temporary folder by default; PostgreSQL + Redis when
# DP_TEST_DATABASE_URL (an admin connection: a fresh database is created per
# run) and DP_TEST_REDIS_URL are set, as for scripts/test.sh's second pass.
#
#   scripts/sdk-test.sh              SQLite (or the DP_TEST_* services)
#   scripts/sdk-test.sh --services   throwaway PostgreSQL + Redis (scripts/services.sh)
#
# Environment: DP_SDK_BIN (a built diploma-photo binary, default
# target/debug/diploma-photo; this script does not build it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

. scripts/services.sh

SDK=$ROOT/sdk/miniprogram
BIN=${DP_SDK_BIN:-target/debug/diploma-photo}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
[ -x "$BIN" ] || die "no server binary at $BIN (build it, or set DP_SDK_BIN)"
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
  || die "Node 20 or later is needed, found $(node --version)"

if [ "${1:-}" = --services ]; then
  log "services"
  start_services
  export DP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export DP_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
elif [ $# -gt 0 ]; then
  die "unknown argument $1 (only --services)"
fi

log "SDK dev dependencies (npm ci)"
npm ci --prefix "$SDK" --no-audit --no-fund --loglevel=error

log "generated types and dist/ are up to date"
[ -f docs/openapi.json ] || die "docs/openapi.json is missing"
(cd "$SDK" && node scripts/generate.mjs ../../docs/openapi.json "$WORK/generated") || die "type generation failed"
for f in schema.ts date-fields.ts; do
  diff -u "$SDK/src/$f" "$WORK/generated/$f" >"$WORK/types.diff" \
    || { head -n 40 "$WORK/types.diff"; die "sdk/miniprogram/src/$f is stale: run npm run generate and npm run build in sdk/miniprogram"; }
done
(cd "$SDK" && npx --no-install tsc -p tsconfig.json --outDir "$WORK/dist") || die "the SDK does not compile"
diff -ru "$SDK/dist" "$WORK/dist" >"$WORK/dist.diff" \
  || { head -n 40 "$WORK/dist.diff"; die "sdk/miniprogram/dist is stale: run npm run build in sdk/miniprogram"; }
(cd "$SDK" && npx --no-install tsc -p test/tsconfig.json) || die "the type-level checks (test/types.ts) fail"

# The server runs in its own folder so that no .env of the developer's is
# read, with dev login and photos in that folder.
DIR=$WORK/sdk-server
mkdir -p "$DIR"
PORT=$(free_port 58180)
BASE="http://127.0.0.1:$PORT"
export DP_LISTEN="127.0.0.1:$PORT" DP_PUBLIC_URL="$BASE" DP_STORAGE="$DIR/uploads" \
  DP_DEV_LOGIN=true DP_LOG_FORMAT=text RUST_LOG=warn
unset DP_WECHAT_APPID DP_WECHAT_SECRET DP_WECHAT_TEMPLATES DP_REDIS_URL DP_REDIS_PREFIX

PG_DB= PG_ADMIN=
if [ -n "${DP_TEST_DATABASE_URL:-}" ] || [ -n "${DP_TEST_REDIS_URL:-}" ]; then
  [ -n "${DP_TEST_DATABASE_URL:-}" ] && [ -n "${DP_TEST_REDIS_URL:-}" ] \
    || die "set both DP_TEST_DATABASE_URL and DP_TEST_REDIS_URL, or neither"
  PG_ADMIN=$DP_TEST_DATABASE_URL
  case $PG_ADMIN in postgres://*/* | postgresql://*/*) ;; *) die "DP_TEST_DATABASE_URL must be postgres://…/database" ;; esac
  [[ $PG_ADMIN != *\?* ]] || die "DP_TEST_DATABASE_URL must not have query parameters"
  PSQL=$(command -v psql || true)
  [ -n "$PSQL" ] || { [ -n "$(pg_bindir)" ] && PSQL=$(pg_bindir)/psql; }
  [ -x "${PSQL:-}" ] || die "psql is needed to create the test database"
  PG_DB="dp_sdk_$(date +%s)_$$"
  "$PSQL" -q -v ON_ERROR_STOP=1 "$PG_ADMIN" -c "CREATE DATABASE $PG_DB" >/dev/null \
    || die "cannot create database $PG_DB through DP_TEST_DATABASE_URL"
  export DP_DATABASE_URL="${PG_ADMIN%/*}/$PG_DB" DP_REDIS_URL=$DP_TEST_REDIS_URL DP_REDIS_PREFIX="$PG_DB:"
  BACKEND="PostgreSQL (database $PG_DB) + Redis"
else
  export DP_DATABASE_URL="sqlite://$DIR/diploma-photo.db?mode=rwc"
  BACKEND="SQLite + in-process cache"
fi

drop_database() {
  if [ -n "$PG_DB" ]; then
    "$PSQL" -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    PG_DB=
  fi
}
trap 'stop_server; drop_database; cleanup' EXIT

show_server_log() {
  echo "---- last lines of the server's log ----" >&2
  tail -n 60 "$DIR/server.log" >&2 || true
}

log "server on $BASE: $BACKEND"
(cd "$DIR" && "$BIN" seed-demo >"$DIR/seed-demo.log" 2>&1) \
  || { cat "$DIR/seed-demo.log" >&2; die "seed-demo failed"; }
(cd "$DIR" && exec "$BIN" serve >"$DIR/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 300); do
  curl -sf -o /dev/null "$BASE/readyz" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { show_server_log; die "the server exited at start"; }
  sleep 0.2
done
curl -sf -o /dev/null "$BASE/readyz" || { show_server_log; die "the server did not become ready on $BASE"; }
# Ready, and it is ours: not another process that took the port meanwhile.
kill -0 "$SERVER_PID" 2>/dev/null || { show_server_log; die "the server exited at start"; }

log "SDK tests (node --test)"
status=0
(cd "$SDK" && DP_SDK_BASE_URL="$BASE" timeout 300 node --test test/*.test.js) || status=$?
kill -0 "$SERVER_PID" 2>/dev/null || { show_server_log; die "the server died during the SDK tests"; }
if [ "$status" -ne 0 ]; then
  show_server_log
  [ "$status" -eq 124 ] && die "the SDK tests took over 300 s"
  die "SDK tests failed on $BACKEND"
fi
log "SDK tests passed on $BACKEND"

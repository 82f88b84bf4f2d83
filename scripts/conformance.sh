#!/usr/bin/env bash
# API conformance: schemathesis (from PyPI, in a cached virtual environment)
# against the real server and its OpenAPI document, once per identity: a
# student bound to the roster, and each staff role. Every identity gets a
# fresh server on a free port with a fresh SQLite database, loaded with
# `seed-demo` and scripts/conformance_seed.py. All checks, a fixed seed, a
# bounded number of examples; any finding fails the run. See
# docs/reliability.md, "API conformance (schemathesis)".
#
#   scripts/conformance.sh                 every identity
#   scripts/conformance.sh admin student   some of them
#
# Environment: DP_CONFORMANCE_EXAMPLES (examples per operation, default 40),
# DP_CONFORMANCE_SEED (default 20240601), DP_CONFORMANCE_WORKERS (default 1:
# one request at a time, so a run repeats exactly; more finds races),
# DP_CONFORMANCE_BIN (a built diploma-photo binary; default: `cargo build`
# and target/debug).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

. scripts/services.sh

SCHEMATHESIS_VERSION=4.32.5
EXAMPLES=${DP_CONFORMANCE_EXAMPLES:-40}
SEED=${DP_CONFORMANCE_SEED:-20240601}
WORKERS=${DP_CONFORMANCE_WORKERS:-1}
# Wall-clock limit of one schemathesis pass: a hung server or a far too slow
# run fails instead of eating CI's time.
PASS_TIMEOUT=${DP_CONFORMANCE_PASS_TIMEOUT:-600}
IDENTITIES=(student admin unit_secretary onsite intl_office)
[ $# -gt 0 ] && IDENTITIES=("$@")

# Operations that end the caller's own session: logging out revokes the token
# schemathesis is using, and an admin changing their own password (PATCH
# /admin/staff/{id} with their id) revokes all of their tokens. Each runs in a
# pass of its own after everything else, with a token of its own, so that
# they are tested without turning the rest of the run into 401s.
LAST_OPERATIONS=(logout update_staff)

trap 'stop_server; cleanup' EXIT

show_server_log() {
  echo "---- last lines of the server's log ($1) ----" >&2
  tail -n 60 "$1" >&2 || true
}

venv="${XDG_CACHE_HOME:-$HOME/.cache}/diploma-photo/schemathesis-$SCHEMATHESIS_VERSION"
python_venv "$venv" schemathesis "schemathesis==$SCHEMATHESIS_VERSION" "schemathesis $SCHEMATHESIS_VERSION"
SCHEMATHESIS="$venv/bin/schemathesis"
PYTHON="$venv/bin/python"
installed=$("$SCHEMATHESIS" --version) || die "schemathesis does not run"
[ "$installed" = "schemathesis, version $SCHEMATHESIS_VERSION" ] \
  || die "expected schemathesis $SCHEMATHESIS_VERSION, found: $installed"

if [ -n "${DP_CONFORMANCE_BIN:-}" ]; then
  BIN=$DP_CONFORMANCE_BIN
else
  log "building the server"
  cargo build --locked --bin diploma-photo
  BIN=$ROOT/target/debug/diploma-photo
fi
[ -x "$BIN" ] || die "no server binary at $BIN"

# start_server DIR: a fresh database in DIR, seeded, served on a free port.
# Sets BASE and SERVER_PID.
start_server() {
  local dir=$1 port
  mkdir -p "$dir"
  port=$(free_port 58080)
  BASE="http://127.0.0.1:$port"
  # The server runs in DIR so that no .env of the developer's is read, with
  # dev login (no WeChat credentials), the in-process cache and local photos.
  export DP_DATABASE_URL="sqlite://$dir/diploma-photo.db?mode=rwc" DP_STORAGE="$dir/uploads" \
    DP_LISTEN="127.0.0.1:$port" DP_PUBLIC_URL="$BASE" DP_LOG_FORMAT=text RUST_LOG=warn
  unset DP_REDIS_URL DP_WECHAT_APPID DP_WECHAT_SECRET DP_WECHAT_TEMPLATES
  (cd "$dir" && "$BIN" seed-demo >"$dir/seed-demo.log" 2>&1) \
    || { cat "$dir/seed-demo.log" >&2; die "seed-demo failed"; }
  (cd "$dir" && exec "$BIN" serve >"$dir/server.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 300); do
    curl -sf -o /dev/null "$BASE/readyz" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { show_server_log "$dir/server.log"; die "the server exited at start"; }
    sleep 0.2
  done
  curl -sf -o /dev/null "$BASE/readyz" || { show_server_log "$dir/server.log"; die "the server did not become ready on $BASE"; }
  # Ready, and it is ours: not another process that took the port meanwhile.
  kill -0 "$SERVER_PID" 2>/dev/null || { show_server_log "$dir/server.log"; die "the server exited at start"; }
  "$PYTHON" scripts/conformance_seed.py seed "$BASE" || { show_server_log "$dir/server.log"; die "seeding failed"; }
}

# run_schemathesis DIR IDENTITY TOKEN LABEL ARGS...: one pass.
run_schemathesis() {
  local dir=$1 identity=$2 token=$3 label=$4 status=0
  shift 4
  log "schemathesis as $identity: $label"
  (cd "$dir" && SCHEMATHESIS_HOOKS="$ROOT/scripts/conformance_hooks.py" \
    timeout "$PASS_TIMEOUT" "$SCHEMATHESIS" --config-file "$ROOT/scripts/schemathesis.toml" \
    run "$BASE/api/openapi.json" \
    --checks all --seed "$SEED" --max-examples "$EXAMPLES" --workers "$WORKERS" \
    --header "Authorization: Bearer $token" --no-color "$@") || status=$?
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    show_server_log "$dir/server.log"
    die "the server died during the schemathesis run as $identity"
  fi
  if [ "$status" -ne 0 ]; then
    show_server_log "$dir/server.log"
    [ "$status" -eq 124 ] && die "schemathesis as $identity ($label) took over ${PASS_TIMEOUT}s"
    die "schemathesis found problems as $identity ($label); see above"
  fi
}

started=$SECONDS
for identity in "${IDENTITIES[@]}"; do
  case $identity in
    student | admin | unit_secretary | onsite | intl_office) ;;
    *) die "unknown identity $identity: one of ${IDENTITIES[*]}" ;;
  esac
  dir="$WORK/conformance-$identity"
  start_server "$dir"
  # Every token is taken before fuzzing starts: the fuzzer's failed staff
  # logins soon trip the login throttle (429) for the seeded usernames and
  # for 127.0.0.1.
  tokens=()
  for _ in 0 "${LAST_OPERATIONS[@]}"; do
    token=$("$PYTHON" scripts/conformance_seed.py token "$BASE" "$identity") \
      || { show_server_log "$dir/server.log"; die "cannot log in as $identity"; }
    tokens+=("$token")
  done
  excluded=()
  for op in "${LAST_OPERATIONS[@]}"; do excluded+=(--exclude-operation-id "$op"); done
  run_schemathesis "$dir" "$identity" "${tokens[0]}" "every operation but those that end the session" "${excluded[@]}"
  i=1
  for op in "${LAST_OPERATIONS[@]}"; do
    run_schemathesis "$dir" "$identity" "${tokens[$i]}" "$op, which ends the session" --include-operation-id "$op"
    i=$((i + 1))
  done
  stop_server
done
log "API conformance: no findings as ${IDENTITIES[*]} (seed $SEED, $EXAMPLES examples, $WORKERS worker(s), $((SECONDS - started)) s)"

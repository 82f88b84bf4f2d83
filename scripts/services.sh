# Shared by scripts/test.sh and the benchmarks: installs (apt) and starts
# throwaway PostgreSQL and Redis instances on free ports, stopped on exit.
# After `start_services`: PG_PORT, REDIS_PORT. `start_s3` adds an
# S3-compatible server (moto, from PyPI in a virtual environment): S3_PORT.
# `ensure_browser` installs headless Chromium and chromedriver for the
# console's browser tests and makes them required.
# Each step is stamped with the seconds since the script started, so a slow
# CI run shows where its time went.
log() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }
# stop_server: ends the server a script started (its pid in SERVER_PID) and
# waits for it; nothing when none runs.
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "root is needed to run: $*"; fi
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

free_port() { # first port from $1 up that nothing listens on
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

ensure_packages() {
  local missing=()
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
  local bindir; bindir=$(pg_bindir)
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ] || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || die "cannot install ${missing[*]}"
  fi
}

# Headless Chromium and its WebDriver for tests/console.rs, and a CJK font so
# the screenshots show the Chinese text. Each test starts its own browser;
# DP_TEST_REQUIRE_BROWSER=1 makes a missing one a failure, not a skip.
# DP_TEST_CHROMIUM / DP_TEST_CHROMEDRIVER point at other binaries.
ensure_browser() {
  local chromium=${DP_TEST_CHROMIUM:-chromium} driver=${DP_TEST_CHROMEDRIVER:-chromedriver}
  local missing=()
  command -v "$chromium" >/dev/null || missing+=(chromium)
  command -v "$driver" >/dev/null || missing+=(chromium-driver)
  { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || die "cannot install ${missing[*]}"
  fi
  "$driver" --version >/dev/null 2>&1 || die "$driver does not run"
  # Debian's chromium wrapper prints a harmless shell warning on stderr.
  local version; version=$("$chromium" --version 2>/dev/null) || die "$chromium does not run"
  echo "$version, $("$driver" --version | awk '{print $1, $2}')"
  export DP_TEST_REQUIRE_BROWSER=1
}

# ensure_deploy_tools: nginx, openssl and systemd-analyze for tests/deployment.rs,
# which checks docs/deploy/ with them; DP_TEST_REQUIRE_DEPLOY_TOOLS=1 makes a
# missing one a failure, not a skip. Only `nginx -t` runs: where systemd runs,
# the freshly installed package's default site is stopped and disabled again.
ensure_deploy_tools() {
  local missing=()
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v systemd-analyze >/dev/null || missing+=(systemd)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || die "cannot install ${missing[*]}"
    if [[ " ${missing[*]} " == *" nginx "* ]] && [ -d /run/systemd/system ]; then
      as_root systemctl disable --now nginx >/dev/null 2>&1 || true
    fi
  fi
  local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx" -v 2>&1 || die "nginx does not run"
  systemd-analyze --version | head -n 1 || die "systemd-analyze does not run"
  export DP_TEST_REQUIRE_DEPLOY_TOOLS=1
}

# ensure_node: Node.js and npm for the SDK tests and the OpenAPI gates (their
# packages come from lockfiles); installed with apt when missing.
ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "installing nodejs npm with apt"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null \
      || die "cannot install nodejs and npm"
  fi
  echo "Node.js $(node --version), npm $(npm --version)"
}

WORK=$(mktemp -d /tmp/diploma-photo-test.XXXXXX)
chmod 755 "$WORK"
PG_USER=$(id -un)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "${PG_STARTED:-}" ]; then run_pg "$(pg_bindir)/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  if [ -f "$WORK/redis.pid" ]; then kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true; fi
  if [ -n "${S3_PID:-}" ]; then kill "$S3_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_postgres() {
  local bindir; bindir=$(pg_bindir)
  if [ "$(id -u)" = 0 ]; then
    PG_USER=dptest
    id -u "$PG_USER" >/dev/null 2>&1 \
      || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER" \
      || die "cannot create the $PG_USER user for PostgreSQL"
  fi
  PG_PORT=$(free_port 55432)
  mkdir -p "$WORK/pg"
  chown "$PG_USER" "$WORK/pg"
  run_pg "$bindir/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --no-locale >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; die "initdb failed"; }
  # Durability settings off: this cluster lives for one test run.
  run_pg "$bindir/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    >/dev/null || { cat "$WORK/pg/server.log"; die "PostgreSQL did not start"; }
  PG_STARTED=1
  "$bindir/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -t 30 >/dev/null || die "PostgreSQL is not accepting connections"
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (user $PG_USER)"
}

start_redis() {
  REDIS_PORT=$(free_port 56379)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK" \
    || die "redis-server did not start"
  for _ in $(seq 100); do
    [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && break
    sleep 0.1
  done
  [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] || { cat "$WORK/redis.log"; die "Redis is not answering"; }
  echo "Redis $(redis-server --version | awk '{print $3}' | sed 's/^v=//') on 127.0.0.1:$REDIS_PORT"
}

start_services() {
  ensure_packages
  start_postgres
  start_redis
}

MOTO_VERSION=5.2.5
S3_BUCKET=dp-test

# python_venv DIR PROGRAM REQUIREMENT WHAT: a virtual environment in DIR (cached
# under ~/.cache/diploma-photo) with REQUIREMENT installed from PyPI, unless
# DIR/bin/PROGRAM is already there. Dies if it cannot be made.
python_venv() {
  local venv=$1 program=$2 requirement=$3 what=$4
  [ -x "$venv/bin/$program" ] && return 0
  log "installing $what from PyPI"
  command -v python3 >/dev/null || die "python3 is needed for $what"
  rm -rf "$venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    # Debian's own python3 keeps venv in a separate package.
    { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"; } \
      || die "cannot create a Python virtual environment for $what"
  fi
  "$venv/bin/pip" install -q "$requirement" || die "cannot install $what from PyPI"
  [ -x "$venv/bin/$program" ] || die "$what installed, but $venv/bin/$program is missing"
}

start_s3() {
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/diploma-photo/moto-$MOTO_VERSION"
  python_venv "$venv" moto_server "moto[server]==$MOTO_VERSION" "moto $MOTO_VERSION (S3-compatible test server)"
  S3_PORT=$(free_port 57000)
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$WORK/moto.log" 2>&1 &
  S3_PID=$!
  for _ in $(seq 150); do
    curl -sf -o /dev/null "http://127.0.0.1:$S3_PORT/" && break
    sleep 0.2
  done
  curl -sf -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/$S3_BUCKET" \
    || { cat "$WORK/moto.log"; die "the S3 test server is not answering"; }
  echo "S3 (moto $MOTO_VERSION) on 127.0.0.1:$S3_PORT, bucket $S3_BUCKET"
}

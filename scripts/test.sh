#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. formatting and clippy (warnings are errors);
#   2. every test against SQLite + the in-process cache;
#   3. every test again against PostgreSQL + Redis, with photos in
#      S3-compatible storage;
#   4. after each pass, the mini-program SDK's tests against the real server
#      on that backend (scripts/sdk-test.sh, Node's test runner);
#   5. the OpenAPI document (docs/openapi.json, which the suite holds equal to
#      the served one) through the client generators' gates: strict JSON,
#      Redocly, Spectral, openapi-typescript, openapi-python-client
#      (scripts/openapi-gates.sh; pinned versions it installs itself);
#   6. a short fuzzing run of the parsers, check-in codes and photo checks;
#   7. API conformance: schemathesis against the real server, as a student
#      and as each staff role (scripts/conformance.sh).
# Both test passes include the staff console's tests in headless Chromium
# (tests/console.rs; screenshots in target/console-screenshots/).
# PostgreSQL, Redis, Chromium (with chromedriver), Node.js, and nginx and
# systemd-analyze (tests/deployment.rs checks docs/deploy/ with them) are
# installed with apt when missing. PostgreSQL and Redis run as throwaway instances on free ports
# (PostgreSQL as an unprivileged user, since it refuses to run as root). If
# any of them cannot start, this fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/services.sh

log "services"
start_services
start_s3
ensure_browser
ensure_node
ensure_deploy_tools

log "format and lint"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

log "pass 1 of 2: SQLite + in-process cache"
env -u DP_TEST_DATABASE_URL -u DP_TEST_REDIS_URL -u DP_TEST_S3 cargo test --workspace --locked
cargo build --locked --bin diploma-photo
env -u DP_TEST_DATABASE_URL -u DP_TEST_REDIS_URL -u DP_TEST_S3 scripts/sdk-test.sh

log "pass 2 of 2: PostgreSQL + Redis + S3"
DP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
DP_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
DP_TEST_S3="http://127.0.0.1:$S3_PORT/$S3_BUCKET" \
  cargo test --workspace --locked
DP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
DP_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
  scripts/sdk-test.sh

log "OpenAPI document through the client generators"
scripts/openapi-gates.sh docs/openapi.json

log "fuzzing (short bounded run)"
scripts/fuzz.sh

log "API conformance (schemathesis)"
scripts/conformance.sh

log "all tests passed on both backends"

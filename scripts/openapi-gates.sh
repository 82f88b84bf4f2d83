#!/usr/bin/env bash
# Client-generator gates for the OpenAPI document (issue #18): can the tools
# people generate clients and docs with take it as it is?
#
#   scripts/openapi-gates.sh SPEC_FILE
#
# In order, stopping at the first failure:
#   a. strict JSON: parsed with duplicate keys refused;
#   b. Redocly CLI lint, recommended rules: no errors;
#   c. Spectral lint, spectral:oas: no errors (warnings are shown);
#   d. openapi-typescript generates, and the result type-checks;
#   e. openapi-python-client generates every schema as a model and every
#      operation with a typed success answer (binary bodies excepted), and
#      the generated package imports (tools/openapi/check_python_client.py).
# Exact tool versions: tools/openapi/package-lock.json (npm ci into
# tools/openapi/node_modules when missing or older than the lockfile) and
# OPC_VERSION below (a cached virtual environment, as scripts/conformance.sh
# does for schemathesis). Each step prints its time.
# DP_OPENAPI_GATES_ALL=1 runs every gate even after one failed (for a
# diagnosis), and fails at the end.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 SPEC_FILE" >&2; exit 2; }
[ -f "$1" ] || { echo "no such file: $1" >&2; exit 2; }
SPEC=$(realpath "$1")
cd "$(dirname "$0")/.."
ROOT=$PWD

. scripts/services.sh # log, die, python_venv; $WORK, removed on exit

OPC_VERSION=0.29.1
TOOLS=$ROOT/tools/openapi
BIN=$TOOLS/node_modules/.bin
# No telemetry or update checks: CI reaches no host but the registries.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

# step NAME COMMAND...: runs COMMAND with its output in $WORK/NAME.log, prints
# the time it took; on failure shows the log and stops.
step() {
  local name=$1 start end
  shift
  log "$name"
  start=$(date +%s%N)
  if "$@" >"$WORK/$name.log" 2>&1; then
    end=$(date +%s%N)
    filter_noise <"$WORK/$name.log"
    printf 'ok: %s (%d.%02d s)\n' "$name" $(((end - start) / 1000000000)) $(((end - start) / 10000000 % 100))
  else
    filter_noise <"$WORK/$name.log" | tail -n 200
    [ "${DP_OPENAPI_GATES_ALL:-}" = 1 ] && [ "$name" != npm-ci ] && { FAILED+=("$name"); return 0; }
    die "OpenAPI gate failed: $name (its output above, last 200 lines)"
  fi
}
FAILED=()

# Redocly prints a boxed notice about Node.js 20 on every run, and a parse
# error of openapi-typescript dumps the whole document as quoted lines.
filter_noise() { grep -v -e '[╔║╚]' -e "^ *['\`].*['\`] +\$" || true; }

# --- tools -------------------------------------------------------------------
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed for the OpenAPI gates"
if [ ! -f "$TOOLS/node_modules/.package-lock.json" ] \
  || [ "$TOOLS/package-lock.json" -nt "$TOOLS/node_modules/.package-lock.json" ]; then
  step npm-ci npm ci --prefix "$TOOLS" --no-audit --no-fund --loglevel=error
fi
for tool in redocly spectral openapi-typescript tsc; do
  [ -x "$BIN/$tool" ] || die "$tool is missing from $BIN: remove $TOOLS/node_modules and run again"
done

OPC_VENV="${XDG_CACHE_HOME:-$HOME/.cache}/diploma-photo/openapi-python-client-$OPC_VERSION"
python_venv "$OPC_VENV" openapi-python-client "openapi-python-client==$OPC_VERSION" \
  "openapi-python-client $OPC_VERSION"
installed=$("$OPC_VENV/bin/openapi-python-client" --version) || die "openapi-python-client does not run"
[ "$installed" = "openapi-python-client version: $OPC_VERSION" ] \
  || die "expected openapi-python-client $OPC_VERSION, found: $installed"

# --- gates -------------------------------------------------------------------
strict_json() {
  python3 - "$SPEC" <<'EOF'
import json, sys
def refuse_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise ValueError(f"duplicate key(s) {dups} in an object with keys {keys}")
    return dict(pairs)
with open(sys.argv[1], encoding="utf-8") as f:
    json.load(f, object_pairs_hook=refuse_duplicates)
print("no duplicate keys")
EOF
}
step strict-json strict_json

step redocly "$BIN/redocly" lint "$SPEC" --config "$TOOLS/redocly.yaml" --format=stylish

# Spectral exits non-zero on errors only: warnings are printed, not fatal.
step spectral "$BIN/spectral" lint "$SPEC" --ruleset "$TOOLS/.spectral.yaml" --fail-severity=error --format=text

typescript() {
  mkdir -p "$WORK/ts"
  "$BIN/openapi-typescript" "$SPEC" --output "$WORK/ts/schema.d.ts" || return 1
  "$BIN/tsc" --noEmit --strict "$WORK/ts/schema.d.ts"
}
step openapi-typescript typescript

python_client() {
  # The generator refuses an existing output directory; the check reads the
  # generator's own log for warnings.
  (cd "$WORK" && "$OPC_VENV/bin/openapi-python-client" generate --path "$SPEC" \
    --config "$TOOLS/python-client.yaml" --meta none --output-path "$WORK/py/dp_client") \
    >"$WORK/py-generate.log" 2>&1 || { cat "$WORK/py-generate.log"; return 1; }
  "$OPC_VENV/bin/python" "$TOOLS/check_python_client.py" "$SPEC" "$WORK/py/dp_client" "$WORK/py-generate.log"
}
step openapi-python-client python_client

[ ${#FAILED[@]} -eq 0 ] || die "OpenAPI gates failed: ${FAILED[*]}"
log "OpenAPI gates: all passed for $SPEC"

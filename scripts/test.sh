#!/usr/bin/env bash
# Installs what is needed and runs every check and test: type check, lint,
# prettier, the Backstage version pin, unit and database tests (SQLite and
# PostgreSQL), the browser tests against the started app, and the production
# path (OIDC sign-in, two replicas behind nginx). Ends with a line
# "N passed, N failed" and exits non-zero when anything failed.
#
# With CI set, a PostgreSQL that cannot be reached is a failure, never a skip.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$QAZTECH_ROOT" || exit 1

results="$QAZTECH_ROOT/test-results"
rm -rf "$results"
mkdir -p "$results"

passed=0
failed=0
failures=()
pass() { passed=$((passed + $1)); }
fail() {
  failed=$((failed + $1))
  failures+=("$2")
}
# Runs one check that counts as one test: `check NAME COMMAND...`.
check() {
  local name=$1
  shift
  echo "::: $name"
  local start=$SECONDS
  if "$@"; then
    pass 1
    echo "::: $name passed ($((SECONDS - start)) s)"
  else
    fail 1 "$name"
    echo "::: $name FAILED ($((SECONDS - start)) s)"
  fi
}
summary() {
  echo
  if [ ${#failures[@]} -gt 0 ]; then
    echo "Failed:"
    printf '  - %s\n' "${failures[@]}"
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

echo "::: install"
if ! yarn install --immutable; then
  fail 1 "yarn install"
  summary
fi

# --- PostgreSQL for the database tests --------------------------------------
if bash scripts/postgres.sh; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
  pass 1
elif [ -n "${CI:-}" ]; then
  fail 1 "PostgreSQL on 127.0.0.1:5432 (required when CI is set)"
else
  echo "PostgreSQL is not reachable: database tests run on SQLite only (set CI to make this a failure)"
fi

# --- LibreOffice for the CSV check (packages/backend/src/exports) ------------
# The test opens every CSV export as Calc would in a ru/kk locale; without
# soffice it fails, so install Debian's package when it is missing.
if ! command -v soffice >/dev/null 2>&1; then
  echo "::: installing Debian's libreoffice-calc-nogui (for the CSV check)"
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui) >"$results/apt-libreoffice.log" 2>&1
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui) >"$results/apt-libreoffice.log" 2>&1
  fi || fail 1 "install libreoffice-calc-nogui (see test-results/apt-libreoffice.log)"
fi

# --- static checks -----------------------------------------------------------
check "Backstage packages on one release" node scripts/pin-backstage-release.mjs --check
check "type check (tsc)" yarn tsc
check "lint" yarn backstage-cli repo lint
check "prettier" yarn prettier --check .
# scripts/bench is not a workspace package: its tests have their own config.
check "benchmark report rendering (scripts/bench)" yarn bench:test --ci

# --- unit and database tests (jest) ------------------------------------------
echo "::: jest"
CI=true yarn backstage-cli repo test --json --outputFile="$results/jest.json"
jest_exit=$?
if [ -f "$results/jest.json" ]; then
  read -r jp jf jr < <(node -e '
    const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests, r.numRuntimeErrorTestSuites);
  ' "$results/jest.json")
  pass "$jp"
  [ "$jf" -gt 0 ] && fail "$jf" "jest: $jf failed tests"
  [ "$jr" -gt 0 ] && fail "$jr" "jest: $jr test files failed to run"
  if [ "$jest_exit" -ne 0 ] && [ "$jf" -eq 0 ] && [ "$jr" -eq 0 ]; then
    fail 1 "jest exited with $jest_exit"
  fi
  [ "$jp" -eq 0 ] && fail 1 "jest ran no test"
else
  fail 1 "jest (no results written, exit $jest_exit)"
fi

# --- browser tests against the started app -----------------------------------
bash scripts/e2e.sh
e2e_exit=$?
if [ -f "$results/e2e.json" ]; then
  read -r ep ef < <(node -e '
    const s = require(process.argv[1]).stats;
    console.log(s.expected + s.flaky, s.unexpected);
  ' "$results/e2e.json")
  pass "$ep"
  [ "$ef" -gt 0 ] && fail "$ef" "browser tests: $ef failed (see test-results/)"
  [ "$ep" -eq 0 ] && [ "$ef" -eq 0 ] && fail 1 "browser tests ran no test"
else
  fail 1 "browser tests (exit $e2e_exit, see test-results/app.log)"
fi

# --- the production path: OIDC sign-in, two replicas behind nginx ------------
# NODE_ENV=production with app-config.production.yaml and the Helm values'
# config, a real OIDC provider on loopback, PostgreSQL and Redis; builds the
# frontend once (scripts/prod-e2e.sh, docs/operations.md).
echo "::: production path (scripts/prod-e2e.sh)"
prod_start=$SECONDS
bash scripts/prod-e2e.sh
prod_exit=$?
echo "::: production path finished in $((SECONDS - prod_start)) s"
if [ -f "$results/prod-e2e.json" ]; then
  read -r pp pf < <(node -e '
    const s = require(process.argv[1]).stats;
    console.log(s.expected + s.flaky, s.unexpected);
  ' "$results/prod-e2e.json")
  pass "$pp"
  [ "$pf" -gt 0 ] && fail "$pf" "production path: $pf browser tests failed (see test-results/prod/)"
  [ "$pp" -eq 0 ] && [ "$pf" -eq 0 ] && fail 1 "production path ran no test"
else
  fail 1 "production path (exit $prod_exit, see test-results/prod/)"
fi

summary

#!/usr/bin/env bash
# Browser tests: starts the app (as scripts/start.sh does), waits until a
# demo user can sign in, runs Playwright with Debian's Chromium, stops the app.
# Installs Chromium from Debian's packages when it is missing.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$QAZTECH_ROOT" || exit 1
results="$QAZTECH_ROOT/test-results"
mkdir -p "$results"

export QAZTECH_CHROMIUM="${QAZTECH_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$QAZTECH_CHROMIUM" ]; then
  echo "e2e.sh: installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$results/apt.log" 2>&1
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$results/apt.log" 2>&1
  fi || { echo "e2e.sh: could not install chromium (see test-results/apt.log)" >&2; exit 1; }
fi

# Ports: 3000/7007 by default; QAZTECH_E2E_APP_PORT and QAZTECH_E2E_BACKEND_PORT
# move both (through Backstage's APP_CONFIG_* overrides) so two checkouts can
# run their browser tests side by side.
app_port="${QAZTECH_E2E_APP_PORT:-3000}"
backend_port="${QAZTECH_E2E_BACKEND_PORT:-7007}"
app_url="http://localhost:$app_port"
backend_url="http://localhost:$backend_port"
if [ "$app_port" != 3000 ] || [ "$backend_port" != 7007 ]; then
  export APP_CONFIG_app_baseUrl="$app_url"
  export APP_CONFIG_backend_baseUrl="$backend_url"
  export APP_CONFIG_backend_listen_port="$backend_port"
  export APP_CONFIG_backend_cors_origin="$app_url"
fi
export PLAYWRIGHT_URL="${PLAYWRIGHT_URL:-$app_url}"
export PLAYWRIGHT_BACKEND_URL="${PLAYWRIGHT_BACKEND_URL:-$backend_url}"

app_pid=
stop_app() {
  if [ -n "$app_pid" ]; then
    kill -- -"$app_pid" 2>/dev/null
    wait "$app_pid" 2>/dev/null
  fi
}
trap stop_app EXIT

if curl -sf -o /dev/null $backend_url/.backstage/health/v1/liveness; then
  echo "e2e.sh: port $backend_port is taken; stop the running backend first" >&2
  exit 1
fi

echo "::: starting the app (log: test-results/app.log)"
setsid yarn start >"$results/app.log" 2>&1 &
app_pid=$!

# Ready when the frontend answers and a demo user can sign in, which needs the
# catalog to have ingested the demo people.
deadline=$((SECONDS + 300))
until curl -sf -o /dev/null $app_url &&
  curl -sf -o /dev/null -H 'x-requested-with: XMLHttpRequest' \
    -H 'x-qaztech-demo-user: gulnara.akhmetova' \
    $backend_url/api/auth/demo/refresh; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$app_pid" 2>/dev/null; then
    echo "e2e.sh: the app did not become ready (see test-results/app.log)" >&2
    exit 1
  fi
  sleep 3
done
echo "::: app ready after $SECONDS s"

# The register projection follows the catalog on a schedule; the browser
# tests need it filled, as a person opening the register would expect.
token=$(curl -sf -H 'x-requested-with: XMLHttpRequest' \
  -H 'x-qaztech-demo-user: gulnara.akhmetova' \
  $backend_url/api/auth/demo/refresh |
  node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0)).backstageIdentity.token)')
until [ "$(curl -sf -H "authorization: Bearer $token" $backend_url/api/registry/stats |
  node -e 'try { process.stdout.write(String(JSON.parse(require("fs").readFileSync(0)).total)) } catch { process.stdout.write("0") }')" -gt 0 ]; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$app_pid" 2>/dev/null; then
    echo "e2e.sh: the register stayed empty (see test-results/app.log)" >&2
    exit 1
  fi
  sleep 3
done
echo "::: register filled after $SECONDS s"

yarn playwright test --config e2e/playwright.config.ts "$@"

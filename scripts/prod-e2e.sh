#!/usr/bin/env bash
# The production path on one machine: the browser tests of e2e/prod against
# two backend replicas started with the production configuration
# (NODE_ENV=production, app-config.production.yaml and the config the Helm
# values render) on PostgreSQL and Redis, behind nginx, signing in through a
# real OpenID Connect provider on loopback (e2e/oidc/provider.mjs).
#
#   bash scripts/prod-e2e.sh [playwright arguments]
#
# Installs nginx and chromium from Debian when missing, builds the frontend
# once (packages/app/dist; set QAZTECH_REBUILD_APP=1 to build again), drops
# and recreates the test's databases (prefix qaztech_prod_e2e_), runs the
# migrations once as the Helm values' migration Job does, starts the two
# replicas, and stops everything at the end. Results:
# test-results/prod-e2e.json; logs: test-results/prod/.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis on
# 127.0.0.1:6379 (POSTGRES_URL_E2E / REDIS_URL_E2E override them).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$QAZTECH_ROOT" || exit 1
LB_PORT=${QAZTECH_LB_PORT:-7480}
REPLICA_PORTS=(7481 7482)
JOB_PORT=7483
OIDC_PORT=${QAZTECH_OIDC_PORT:-7490}
for port in "$LB_PORT" "${REPLICA_PORTS[@]}" "$JOB_PORT" "$OIDC_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "prod-e2e: port $port is taken; stop what runs there first" >&2
    exit 1
  fi
done
out="$QAZTECH_ROOT/test-results/prod"
rm -rf "$out" "$QAZTECH_ROOT/test-results/prod-e2e.json" "$QAZTECH_ROOT/test-results/prod-e2e"
mkdir -p "$out"

log() { echo "::: prod-e2e: $*"; }
die() {
  echo "prod-e2e: $*" >&2
  exit 1
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  log "installing Debian's $* (log: test-results/prod/apt.log)"
  (as_root apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@") >>"$out/apt.log" 2>&1 ||
    die "could not install $* (see test-results/prod/apt.log)"
}
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
export QAZTECH_CHROMIUM="${QAZTECH_CHROMIUM:-/usr/bin/chromium}"
[ -x "$QAZTECH_CHROMIUM" ] || apt_install chromium


# --- processes, stopped on exit ---------------------------------------------
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -- -"$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$out/nginx.pid" ] && kill "$(cat "$out/nginx.pid")" 2>/dev/null
  return 0
}
trap stop_all EXIT

# --- the frontend, built once -----------------------------------------------
if [ ! -f packages/app/dist/index.html ] || [ -n "${QAZTECH_REBUILD_APP:-}" ]; then
  log "building the frontend (log: test-results/prod/app-build.log)"
  start=$SECONDS
  yarn workspace app build >"$out/app-build.log" 2>&1 || die "the frontend build failed (see test-results/prod/app-build.log)"
  log "frontend built in $((SECONDS - start)) s"
fi

# --- the production environment ---------------------------------------------
# What the Helm values give every replica: their plain environment and their
# config file (the chart's app-config-from-configmap.yaml) ...
eval "$(node e2e/prod/helm.mjs "$out/app-config-from-helm.yaml")" || die "could not render the Helm values"
# The pipeline this test plays is the one of the journey's system's body
# (mintrud, owner of the career navigator); the Helm values name another
# body's as their example.
export SECURITY_READINESS_CI_OWNER_GROUP=group:default/mintrud
# ... and the Secret's keys, here for loopback. PGSSLMODE stays unset: the
# local PostgreSQL has no TLS.
unset PGSSLMODE
export NODE_ENV=production
export APP_BASE_URL="http://localhost:$LB_PORT"
export BACKEND_SECRET=$(node -p 'require("crypto").randomBytes(24).toString("base64")')
export SECURITY_READINESS_CI_TOKEN=$(node -p 'require("crypto").randomBytes(24).toString("hex")')
export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=5432 POSTGRES_USER=postgres POSTGRES_PASSWORD=postgres
export REDIS_URL=${REDIS_URL_E2E:-redis://127.0.0.1:6379}
export OIDC_METADATA_URL="http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration"
export OIDC_CLIENT_ID=qaztech
export AUTH_SESSION_SECRET=$(node -p 'require("crypto").randomBytes(24).toString("hex")')
export OIDC_CLIENT_SECRET=$(node -p 'require("crypto").randomBytes(24).toString("hex")')
export GIT_TOKEN=unused-in-this-test
# The audit record's signing key, as the Secret would hold it (docs/audit.md),
# and the archive that receives checkpoints: here a stand-in location of
# nginx that accepts them.
export MORATORIUM_AUDIT_KEY_ID=prod-e2e-2026
MORATORIUM_AUDIT_SIGNING_KEY=$(node -e 'const { generateKeyPairSync } = require("crypto"); process.stdout.write(generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }))')
export MORATORIUM_AUDIT_SIGNING_KEY
export MORATORIUM_AUDIT_CHECKPOINT_URL="http://127.0.0.1:$LB_PORT/audit-archive/checkpoints"
export OIDC_REDIRECT_URIS="$APP_BASE_URL/api/auth/oidc/handler/frame"
export FORCE_COLOR=0

# Fresh databases for the run.
node -e '
  const { Client } = require(require.resolve("pg", { paths: ["packages/backend"] }));
  (async () => {
    const c = new Client({ connectionString: process.env.POSTGRES_URL_E2E || "postgresql://postgres@127.0.0.1:5432/postgres" });
    await c.connect();
    const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE $1", ["qaztech_prod_e2e_%"]);
    for (const { datname } of rows) await c.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    await c.end();
  })().catch(e => { console.error(e.message); process.exit(1); });
' || die "PostgreSQL on 127.0.0.1:5432 is not reachable"

# --- the identity provider --------------------------------------------------
setsid node e2e/oidc/provider.mjs >"$out/oidc.log" 2>&1 &
pids+=($!)

# --- backend processes ------------------------------------------------------
IMAGE_CONFIG=(--config app-config.yaml --config app-config.production.yaml)
start_backend() { # name port extra-config...
  local name=$1 port=$2
  shift 2
  printf 'backend:\n  listen: ":%s"\n' "$port" >"$out/listen-$name.yaml"
  setsid node --require @backstage/cli/config/nodeTransform.cjs packages/backend/src/index.ts \
    "${IMAGE_CONFIG[@]}" "$@" --config e2e/prod/app-config.e2e.yaml \
    --config "$out/listen-$name.yaml" >"$out/backend-$name.log" 2>&1 &
  pids+=($!)
  echo $! >"$out/backend-$name.pid"
}
wait_ready() { # name port seconds
  local deadline=$((SECONDS + $3)) pid
  pid=$(cat "$out/backend-$1.pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$2/.backstage/health/v1/readiness"; do
    kill -0 "$pid" 2>/dev/null || die "backend $1 exited (see test-results/prod/backend-$1.log)"
    [ $SECONDS -ge $deadline ] && die "backend $1 not ready after $3 s (see test-results/prod/backend-$1.log)"
    sleep 3
  done
}

until grep -q 'oidc provider ready' "$out/oidc.log"; do
  kill -0 "${pids[0]}" 2>/dev/null || die "the OIDC provider did not start (see test-results/prod/oidc.log)"
  sleep 1
done

# The migration Job of the Helm values: the image's config only (it
# migrates), stopped 30 s after it is ready (plugins that schedule their
# tasks once started, such as search, get the scheduler's tables then).
log "migrating (the Helm values' qaztech-migrate Job)"
start=$SECONDS
start_backend migrate "$JOB_PORT"
wait_ready migrate "$JOB_PORT" 600
sleep 30
kill -- -"$(cat "$out/backend-migrate.pid")"
wait "$(cat "$out/backend-migrate.pid")" 2>/dev/null
log "migrated in $((SECONDS - start)) s"

# The replicas: the image's config plus the chart's (skipMigrations).
start=$SECONDS
start_backend a "${REPLICA_PORTS[0]}" --config "$out/app-config-from-helm.yaml"
start_backend b "${REPLICA_PORTS[1]}" --config "$out/app-config-from-helm.yaml"
wait_ready a "${REPLICA_PORTS[0]}" 600
wait_ready b "${REPLICA_PORTS[1]}" 600
log "two replicas ready in $((SECONDS - start)) s"

# --- nginx in front -----------------------------------------------------------
mkdir -p "$out/nginx-tmp"
cat >"$out/nginx.conf" <<NGINX
daemon on;
worker_processes 1;
pid $out/nginx.pid;
error_log $out/nginx-error.log warn;
$([ "$(id -u)" -eq 0 ] && echo 'user root;')
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $out/nginx-tmp/body;
  proxy_temp_path $out/nginx-tmp/proxy;
  fastcgi_temp_path $out/nginx-tmp/fastcgi;
  uwsgi_temp_path $out/nginx-tmp/uwsgi;
  scgi_temp_path $out/nginx-tmp/scgi;
  log_format upstream '\$msec "\$request" \$status upstream=\$upstream_addr';
  access_log $out/nginx-access.log upstream;
  client_max_body_size 20m;

  upstream backstage {
    server 127.0.0.1:${REPLICA_PORTS[0]} max_fails=1 fail_timeout=30s;
    server 127.0.0.1:${REPLICA_PORTS[1]} max_fails=1 fail_timeout=30s;
  }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }

  server {
    listen 127.0.0.1:$LB_PORT;
    # The built frontend's hashed assets, straight from disk.
    location /static/ {
      root $QAZTECH_ROOT/packages/app/dist;
      expires 1y;
      add_header X-Served-By nginx-static;
      try_files \$uri @backend;
    }
    location / {
      proxy_pass http://backstage;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 300s;
      # A replica that is gone: the request goes to the other one.
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Served-By \$upstream_addr always;
    }
    location @backend { proxy_pass http://backstage; }
    # Stand-in for the ministry's archive of audit checkpoints.
    location = /audit-archive/checkpoints { return 204; }
  }
}
NGINX
"$NGINX" -t -c "$out/nginx.conf" -p "$out" >"$out/nginx-test.log" 2>&1 || die "nginx config (see test-results/prod/nginx-test.log)"
"$NGINX" -c "$out/nginx.conf" -p "$out" || die "nginx did not start"
curl -sf -o /dev/null "$APP_BASE_URL/.backstage/health/v1/readiness" || die "nginx does not reach the replicas"

# Security facts from "CI" for the readiness journey, through nginx.
deadline=$((SECONDS + 300))
until node e2e/prod/push-facts.mjs "$APP_BASE_URL" navigator-professii >>"$out/push-facts.log" 2>&1; do
  [ $SECONDS -ge $deadline ] && die "CI could not push facts (see test-results/prod/push-facts.log)"
  sleep 5
done

export QAZTECH_PROD_OUT="$out"
export QAZTECH_REPLICA_PIDS="$(cat "$out/backend-a.pid") $(cat "$out/backend-b.pid")"
export QAZTECH_REPLICA_PORTS="${REPLICA_PORTS[*]}"
export PLAYWRIGHT_URL="$APP_BASE_URL"
log "running e2e/prod against $APP_BASE_URL"
yarn playwright test --config e2e/prod/playwright.config.ts "$@"

#!/usr/bin/env bash
# Builds the backend image from packages/backend/Dockerfile with buildah
# (Debian's package; no Docker engine), after checking the Dockerfile's
# inputs.
#
#   bash scripts/build-image.sh
#
# Environment:
#   QAZTECH_IMAGE           tag (default localhost/qaztech/backstage:dev)
#   QAZTECH_BASE_IMAGE      a base image to use instead of the Dockerfile's
#                           FROM (e.g. a mirror of node:24-trixie-slim in the
#                           ministry's registry)
#   QAZTECH_IMAGE_OPTIONAL  when set, a machine that cannot build images
#                           (see below) ends with exit 0 once the inputs are
#                           checked; otherwise with exit 2
#
# 1. The inputs: the jest test packages/backend/src/image.test.ts (every file
#    the Dockerfile copies exists and is not left out by .dockerignore, the
#    configs its CMD names are copied with the catalog file the production
#    config reads), then `yarn build:backend` when packages/backend/dist lacks
#    the skeleton and bundle it copies.
# 2. What the machine allows: buildah (installed when missing), user
#    namespaces, a storage driver (overlay, else vfs), and the base image
#    (pulled from its registry). Each missing piece is said, with why.
# 3. The build: buildah bud --isolation chroot.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$QAZTECH_ROOT" || exit 1
out="$QAZTECH_ROOT/test-results/image"
mkdir -p "$out"
TAG=${QAZTECH_IMAGE:-localhost/qaztech/backstage:dev}
log() { echo "::: build-image: $*"; }

log "checking the Dockerfile's inputs (packages/backend/src/image.test.ts)"
(cd packages/backend && CI=true yarn backstage-cli package test src/image.test.ts) ||
  { echo "build-image: the Dockerfile's inputs are wrong (see above)" >&2; exit 1; }

if [ ! -f packages/backend/dist/skeleton.tar.gz ] || [ ! -f packages/backend/dist/bundle.tar.gz ]; then
  log "building the backend bundle (yarn build:backend; log: test-results/image/build-backend.log)"
  yarn build:backend >"$out/build-backend.log" 2>&1 ||
    { echo "build-image: yarn build:backend failed (see test-results/image/build-backend.log)" >&2; exit 1; }
fi
for f in packages/backend/dist/skeleton.tar.gz packages/backend/dist/bundle.tar.gz; do
  [ -s "$f" ] || { echo "build-image: $f is missing after the build" >&2; exit 1; }
done
# The bundle must carry the backend and the frontend it serves.
tar tzf packages/backend/dist/bundle.tar.gz >"$out/bundle.txt"
for f in packages/backend/dist/index.cjs.js packages/app/dist/index.html; do
  grep -qx "$f" "$out/bundle.txt" ||
    { echo "build-image: the bundle lacks $f" >&2; exit 1; }
done
log "inputs checked: every COPY source exists, the bundle holds the backend and the built frontend"

cannot() {
  echo "build-image: cannot build the image on this machine: $*" >&2
  echo "build-image: the Dockerfile's inputs were checked; build elsewhere with: buildah bud -f packages/backend/Dockerfile -t $TAG ." >&2
  [ -n "${QAZTECH_IMAGE_OPTIONAL:-}" ] && exit 0
  exit 2
}

if ! command -v buildah >/dev/null 2>&1; then
  log "installing Debian's buildah"
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah) >"$out/apt.log" 2>&1
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah) >"$out/apt.log" 2>&1
  fi || cannot "buildah could not be installed from Debian's packages (see test-results/image/apt.log)"
fi

if [ "$(id -u)" -ne 0 ] && ! unshare -U true 2>/dev/null; then
  cannot "user namespaces are not available to $(id -un) (rootless buildah needs them; check /proc/sys/user/max_user_namespaces and /etc/subuid)"
fi
driver=vfs
if grep -qw overlay /proc/filesystems && buildah --storage-driver overlay info >/dev/null 2>&1; then
  driver=overlay
fi
log "buildah $(buildah --version | awk '{print $3}'), storage driver $driver"

base=${QAZTECH_BASE_IMAGE:-$(awk '/^FROM /{print $2; exit}' packages/backend/Dockerfile)}
log "pulling the base image $base"
if ! buildah --storage-driver "$driver" pull "$base" >"$out/pull.log" 2>&1; then
  # Show whether buildah itself builds here (storage, isolation, COPY from
  # this context), so that the base image is the only thing missing.
  printf 'FROM scratch\nCOPY app-config.production.yaml /probe/\n' >"$out/Containerfile.probe"
  if buildah --storage-driver "$driver" bud --isolation chroot -f "$out/Containerfile.probe" \
    -t localhost/qaztech/buildah-probe . >"$out/probe.log" 2>&1; then
    log "buildah builds on this machine (a FROM scratch probe image was built and removed)"
    buildah --storage-driver "$driver" rmi localhost/qaztech/buildah-probe >/dev/null 2>&1
  else
    log "buildah cannot build even a FROM scratch image here: $(tail -n 1 "$out/probe.log")"
  fi
  cannot "the base image $base cannot be pulled: $(tail -n 1 "$out/pull.log") (no access to its registry; set QAZTECH_BASE_IMAGE to a mirror)"
fi

log "building $TAG (log: test-results/image/build.log)"
from=()
[ -n "${QAZTECH_BASE_IMAGE:-}" ] && from=(--from "$QAZTECH_BASE_IMAGE")
if buildah --storage-driver "$driver" bud --isolation chroot "${from[@]}" \
  -f packages/backend/Dockerfile -t "$TAG" . >"$out/build.log" 2>&1; then
  log "built $TAG"
else
  echo "build-image: the build failed (see test-results/image/build.log)" >&2
  tail -n 20 "$out/build.log" >&2
  exit 1
fi

#!/usr/bin/env bash
# Installs what is needed and runs the app: frontend on http://localhost:3000,
# backend on http://localhost:7007, embedded SQLite, demo data of examples/.
# Needs only bash, npm and a C++ toolchain; brings Node 22 if the system's is
# older (scripts/env.sh). Extra arguments go to `yarn start`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$QAZTECH_ROOT"
yarn install --immutable
exec yarn start "$@"

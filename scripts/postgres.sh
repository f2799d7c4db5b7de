#!/usr/bin/env bash
# Makes sure the PostgreSQL the tests use answers on 127.0.0.1:5432, starting
# the local cluster when it is down. Exits non-zero when it cannot.
set -uo pipefail
host=127.0.0.1
port=5432
ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

command -v pg_isready >/dev/null 2>&1 || {
  echo "postgres.sh: pg_isready not found; install PostgreSQL client tools" >&2
  exit 1
}
ready && exit 0
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "postgres.sh: starting PostgreSQL $version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
fi
echo "postgres.sh: PostgreSQL is not answering on $host:$port" >&2
exit 1

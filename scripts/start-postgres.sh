#!/usr/bin/env bash
# A throwaway PostgreSQL for the store tests: Debian's package, a cluster in a temporary
# directory, listening on 127.0.0.1 only, a role "newsaudit" that may create databases.
#
#   eval "$(bash scripts/start-postgres.sh)"     # start; exports NEWSAUDIT_TEST_PG
#   bash scripts/start-postgres.sh stop          # stop it and remove the cluster
#
# Installs the package when run as root and it is missing (as CI does). Safe to run again:
# a cluster already running is reused.
set -euo pipefail
PORT=${NEWSAUDIT_PG_PORT:-54329}
DIR=${NEWSAUDIT_PG_DIR:-/tmp/newsaudit-pg}
URL="postgresql://newsaudit@127.0.0.1:${PORT}/newsaudit"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
BIN=$(find_bin)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "start-postgres: PostgreSQL is not installed (apt-get install postgresql, as root)" >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN=$(find_bin)
fi

# initdb and the server refuse to run as root: use the package's postgres user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-start}" = stop ]; then
  if [ -d "$DIR/data" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  exit 0
fi

if ! { [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  as_owner "$BIN/initdb" -D "$DIR/data" --auth=trust --username=postgres --encoding=UTF8 \
    --locale=C.UTF-8 >/dev/null
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  as_owner "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
    -c "CREATE ROLE newsaudit LOGIN CREATEDB" -c "CREATE DATABASE newsaudit OWNER newsaudit" >/dev/null
fi
echo "export NEWSAUDIT_TEST_PG=$URL"

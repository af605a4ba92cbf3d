#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL on stdout (only that).
#
# Idempotent: safe to run again on a machine where it already ran (installs nothing twice,
# creates the cluster, role and database only when missing, starts the server only when down).
# Runs as root on Debian. Uses its own cluster "lagebild" on port $LAGEBILD_PG_PORT (default
# 54329) so that it never touches a "main" cluster someone else runs on 5432.
# Usage in CI:  export LAGEBILD_TEST_PG=$(bash scripts/ci/setup_postgres.sh)
set -euo pipefail
PORT="${LAGEBILD_PG_PORT:-54329}"
CLUSTER=lagebild
DB=lagebild_test
ROLE=lagebild
PASSWORD=lagebild
log() { echo "setup_postgres: $*" >&2; }

if ! command -v pg_createcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing Debian postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  log "creating cluster $VERSION/$CLUSTER on port $PORT"
  pg_createcluster "$VERSION" "$CLUSTER" -p "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  log "starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

psql_su() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p $PORT $*"; }
for _ in $(seq 1 30); do psql_su "-c 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
if [ "$(psql_su "-c \"select 1 from pg_roles where rolname='$ROLE'\"")" != "1" ]; then
  psql_su "-c \"create role $ROLE login password '$PASSWORD'\"" >&2
fi
if [ "$(psql_su "-c \"select 1 from pg_database where datname='$DB'\"")" != "1" ]; then
  psql_su "-c \"create database $DB owner $ROLE\"" >&2
fi
echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests and benchmarks, on 127.0.0.1 only, in a temporary folder.
#   scripts/postgres-throwaway.sh start PORT   prints the folder on line 1 and the admin URL on line 2
#   scripts/postgres-throwaway.sh stop DIR     stops the server and removes the folder
# For tests it runs without durability (fsync, synchronous_commit and full_page_writes off). PG_DURABLE=1
# leaves those three at PostgreSQL's defaults (all on), for benchmarks of durable writes.
# PostgreSQL refuses to run as root, so as root initdb and the server run as the postgres user. Installs
# Debian's postgresql when initdb is missing and this is root on Debian.
set -euo pipefail

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] && echo "$found"
}

as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    port="${2:?usage: start PORT}"
    if [ -z "$(find_bin initdb)" ]; then
      if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) >&2
      else
        echo "PostgreSQL is missing; install it with: sudo apt-get install -y postgresql" >&2
        exit 1
      fi
    fi
    initdb=$(find_bin initdb)
    pg_ctl=$(find_bin pg_ctl)
    dir=$(mktemp -d /tmp/course-pg-XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_db_user "$initdb" -D "$dir/db" -U postgres --auth=trust --no-sync >&2
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-}" = 1 ] && durability=""
    as_db_user "$pg_ctl" -w -D "$dir/db" -l "$dir/log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=300" \
      start >&2
    echo "$dir"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="${2:?usage: stop DIR}"
    pg_ctl=$(find_bin pg_ctl)
    as_db_user "$pg_ctl" -w -D "$dir/db" -m immediate stop >&2 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start PORT | stop DIR" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-journal tests, in a temporary directory, owned by a
# non-root user (initdb refuses root), listening only on a loopback port.
#   scripts/postgres-cluster.sh start DIR   prints the admin URL (role "me", a superuser)
#   scripts/postgres-cluster.sh stop DIR
# Needs Debian's postgresql (its programs live in /usr/lib/postgresql/N/bin, not on PATH).
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a directory for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 69; }

# As the cluster's owner: the postgres system user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}

case $cmd in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$password" >"$dir/pw"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pw"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  # A free loopback port: ask the kernel for one.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # fsync off: test databases come and go by the hundred; the fault script runs its own cluster
  # with fsync on to test durability.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${CREDENCE_PG_FSYNC:-off} -c max_connections=200" \
    start >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/log" >&2; exit 1; }
  PGPASSWORD=$password psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE me LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  echo "postgres://me:$password@127.0.0.1:$port/postgres"
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "start or stop" >&2; exit 64 ;;
esac

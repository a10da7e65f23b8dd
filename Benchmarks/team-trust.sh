#!/usr/bin/env bash
# The trust rules of a team journal, shown as two members meet them: a throwaway cluster, a team
# owned by a role nobody forecasts as, members alice and ryan each on their own login, and every
# command printed with its output (stderr too) and exit status. Writes
# Benchmarks/team-trust-transcript.txt.
#   bash Benchmarks/team-trust.sh          CREDENCE=path/to/credence (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
credence="${CREDENCE:-$root/.build/debug/credence}"
[ -x "$credence" ] || swift build --product credence >/dev/null
export NO_COLOR=1
cluster="$(mktemp -d /tmp/credence-trust-pg.XXXXXX)"
trap 'bash "$root/scripts/postgres-cluster.sh" stop "$cluster"' EXIT
admin=$(bash scripts/postgres-cluster.sh start "$cluster")
base="${admin%/postgres}"
psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE ROLE team LOGIN CREATEROLE PASSWORD 'team-pw'" \
  -c "CREATE DATABASE trust OWNER team"
owner="${base/\/\/me:*@///team:team-pw@}/trust"
alice="${base/\/\/me:*@///alice:alice-pw@}/trust"
ryan="${base/\/\/me:*@///ryan:ryan-pw@}/trust"
out="$root/Benchmarks/team-trust-transcript.txt"

# `as WHO credence ARGS…` / `as WHO psql SQL`: one member's command from their own login.
as() {
  local who=$1 tool=$2 url status
  shift 2
  case $who in team) url=$owner ;; alice) url=$alice ;; ryan) url=$ryan ;; esac
  if [ "$tool" = psql ]; then
    printf '\n[%s]$ psql -c "%s"\n' "$who" "$1"
    set +e; psql -X -q "$url" -c "$1" 2>&1; status=$?; set -e
  else
    printf '\n[%s]$ credence %s\n' "$who" "$*"
    set +e; "$credence" "$@" --journal "$url" 2>&1; status=$?; set -e
  fi
  [ "$status" -eq 0 ] || echo "[exit $status]"
}

{
  echo "# Two members on a team journal; the owner role \"team\" only sets it up. $(date -u +%Y-%m-%d)"
  as team credence team init
  as team credence team add alice --password alice-pw
  as team credence team add ryan --password ryan-pw
  as alice credence add "The merger closes by March" 35% --blind
  as ryan credence show 1
  as ryan psql "SELECT count(*) AS forecasts_ryan_can_see FROM credence.forecast"
  as ryan credence forecast 1 80%
  as ryan credence show 1
  as ryan credence forecast 1 50% --as alice
  as ryan psql "INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, 1, 0.99, '99%', 'percent', 0)"
  as ryan psql "UPDATE credence.forecast SET probability = 0.99 WHERE id = 1"
  as ryan psql "UPDATE credence.forecast SET created_at = 0 WHERE id = 2"
  as ryan psql "UPDATE credence.claim SET status = 'no', outcome = 0, resolved_at = 0 WHERE id = 1"
  as ryan credence resolve 1 no
  as alice credence bet 1 --with ryan --stake 20
  as alice credence bet accept 1
  as ryan credence bets
  as ryan credence bet accept 1
  as alice credence resolve 1 yes
  as ryan credence bets
  as alice credence add "The audit finds nothing" 60%
  as ryan credence forecast 2 90%
  as alice credence resolve 2 yes
  as alice credence vs me @team
  as ryan credence vs me alice
  as ryan credence leaderboard
  as ryan credence undo
  as alice credence undo
} > "$out"
echo "wrote $out"

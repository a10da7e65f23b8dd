#!/usr/bin/env bash
# The team-journal benchmark: a throwaway PostgreSQL cluster with fsync on, a team record of 500
# members, 100,000 claims and 1,000,000 forecasts (Benchmarks/generate.py DIR team) imported by the
# admin, then each command timed as a user runs it (a cold process per run, median of RUNS) beside
# `psql` running the equivalent statements on the same database in the same run; then 20 members
# writing 200 forecasts each at once. The same shapes against the SQLite engine with the sqlite3
# shell beside it, and — given OLD, a credence built before the engine change (0318a86) — the SQLite
# import of run.sh's data and `list`/`report` on both binaries, to show the SQLite path did not
# regress. Writes Benchmarks/data/team-results.md.
#   bash Benchmarks/team.sh [OLD]        RUNS=7 by default; CREDENCE=path/to/credence
#   PARTS="team file regress" by default: the team journal, the SQLite journal, before and after
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
data="$root/Benchmarks/data"
mkdir -p "$data"
runs="${RUNS:-7}"
peak_report=0
show_id=50000
parts=" ${PARTS:-team file regress} "
old="${1:-${OLD_CREDENCE:-}}"
credence="${CREDENCE:-$root/.build/release/credence}"
[ -x "$credence" ] || swift build -c release --product credence >/dev/null
command -v psql >/dev/null && command -v sqlite3 >/dev/null || { echo "needs psql and sqlite3" >&2; exit 69; }
[ -f "$data/team.csv" ] || python3 Benchmarks/generate.py "$data" team
export NO_COLOR=1
work="$(mktemp -d /tmp/credence-team-bench.XXXXXX)"
# The cluster's owner (the postgres user, when we are root) cannot enter $work: a directory of its own.
cluster="$(mktemp -d /tmp/credence-team-pg.XXXXXX)"
trap 'bash "$root/scripts/postgres-cluster.sh" stop "$cluster"; rm -rf "$work"' EXIT
admin_postgres=$(CREDENCE_PG_FSYNC=on bash scripts/postgres-cluster.sh start "$cluster")
base="${admin_postgres%/postgres}"
port="${base##*:}"
psql -X -q -v ON_ERROR_STOP=1 "$admin_postgres" -c "CREATE DATABASE team" -c "CREATE DATABASE staging"
url="$base/team"
out="$data/team-results.md"
rows_in_csv=$(($(wc -l < "$data/team.csv") - 1))

med() { python3 Benchmarks/median.py "$@"; }
ms() { awk '{printf "%.1f ms (%.1f–%.1f)", $1 * 1000, $2 * 1000, $3 * 1000}' <<< "$1"; }
ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN {printf "%.2f×", a / b}'; }
table=()
pair() {   # name, credence command, reference command, reference name
  local a b
  a=$(med "$runs" "$2"); b=$(med "$runs" "$3")
  table+=("| $1 | $(ms "$a") | $(ms "$b") | $(ratio "$a" "$b") |")
  echo "  $1: $(ms "$a") against $4 $(ms "$b")" >&2
}

echo "PostgreSQL $(psql -X -At "$admin_postgres" -c 'SHOW server_version'), fsync $(psql -X -At "$admin_postgres" -c 'SHOW fsync') on port $port" >&2
if [[ $parts == *" team "* ]]; then
"$credence" team init --journal "$url" >/dev/null

# The import, once (it is the one-time move of a team's record), beside psql's \copy of the same file
# into a table of 33 text columns (the server taking the bytes and nothing else).
echo "import of $rows_in_csv rows…" >&2
imp=$(WARMUP=0 med 1 "$credence import $data/team.csv --journal $url")
cols=$(head -1 "$data/team.csv" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd,)
psql -X -q -v ON_ERROR_STOP=1 "$base/staging" -c "CREATE TABLE t ($cols)"
cpy=$(WARMUP=0 med 1 "psql -X -q -v ON_ERROR_STOP=1 $base/staging -c '\\copy t FROM $data/team.csv CSV HEADER'")
echo "  import: $imp s; psql \\copy: $cpy s" >&2
table+=("| \`import\`, $rows_in_csv-row Credence CSV (as the admin) | $(awk -v r="$rows_in_csv" '{printf "%.1f s = %\047d rows/s", $1, r / $1}' <<< "$imp") | $(awk -v r="$rows_in_csv" '{printf "%.1f s (\\\\copy to a text table) = %\047d rows/s", $1, r / $1}' <<< "$cpy") | $(ratio "$imp" "$cpy") |")
q() { psql -X -At -v ON_ERROR_STOP=1 "$url" -c "SET search_path TO credence; $1" | tail -1; }
[ "$(q 'SELECT count(*) FROM forecast')" -eq 1000000 ] || { echo "the import did not store 1,000,000 forecasts" >&2; exit 1; }
open_id=$(q "SELECT id FROM claim WHERE status = 'open' ORDER BY id LIMIT 1 OFFSET 100")
psql -X -q "$url" -c "VACUUM ANALYZE" >/dev/null

fi

# The statements each command's work comes down to, for psql and for sqlite3 (the same SQL but for
# PostgreSQL's schema path and its case-folding function).
sqlfiles() {   # dir, dialect
  local d="$1" nocase="lower" agg="string_agg(t.name, ',')" now="(extract(epoch FROM now()) * 1000)::bigint" uuid="gen_random_uuid()::text" head=""
  if [ "$2" = sqlite ]; then
    agg="group_concat(t.name, ',')"; now="CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
    uuid="lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
  else
    head="SET search_path TO credence, pg_catalog;"
  fi
  mkdir -p "$d"
  cat > "$d/list.sql" <<SQL
$head
SELECT c.id, c.uuid, c.text, c.kind, c.notes, c.created_at, c.resolve_by, c.status, c.outcome, c.resolved_at,
       (SELECT count(*) FROM forecast f WHERE f.claim_id = c.id) AS n,
       cur.id, cur.probability, cur.typed, cur.form, cur.created_at, cur.reason,
       (SELECT $agg FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id)
FROM claim c LEFT JOIN forecast cur ON cur.id = (
    SELECT f.id FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id
    WHERE f.claim_id = c.id AND $nocase(w.name) = 'me' ORDER BY f.is_final DESC, f.created_at DESC, f.id DESC LIMIT 1)
ORDER BY c.id DESC LIMIT 20;
SQL
  cat > "$d/show.sql" <<SQL
$head
SELECT * FROM claim WHERE id = $show_id;
SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = $show_id;
SELECT f.id, w.name, f.probability, f.typed, f.form, f.reason, f.created_at, f.is_final
FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE f.claim_id = $show_id ORDER BY f.created_at, f.id;
SELECT * FROM resolution WHERE claim_id = $show_id;
SQL
  cat > "$d/add.sql" <<SQL
$head
BEGIN;
INSERT INTO claim(uuid, text, created_at) VALUES ($uuid, 'Ryan ships by friday', $now);
INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at)
    SELECT max(id), (SELECT id FROM forecaster WHERE name = 'me'), 0.7, '70%', 'percent', $now FROM claim;
INSERT INTO claim_tag(claim_id, tag_id) SELECT max(c.id), (SELECT id FROM tag WHERE name = 'work') FROM claim c;
COMMIT;
SQL
  cat > "$d/forecast.sql" <<SQL
$head
BEGIN;
UPDATE forecast SET is_final = 0 WHERE claim_id = $open_id AND forecaster_id = (SELECT id FROM forecaster WHERE name = 'me') AND is_final = 1;
INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at, outcome)
    SELECT id, (SELECT id FROM forecaster WHERE name = 'me'), 0.7, '70%', 'percent', $now, outcome FROM claim WHERE id = $open_id;
COMMIT;
SQL
  cat > "$d/report.sql" <<SQL
$head
SELECT probability, count(*), sum(outcome) FROM forecast
WHERE outcome IS NOT NULL AND is_final = 1 AND forecaster_id = (SELECT id FROM forecaster WHERE name = 'me') GROUP BY probability;
SQL
  cat > "$d/vs.sql" <<SQL
$head
SELECT c.id, c.resolved_at, f.forecaster_id, f.probability, f.created_at, f.is_final
FROM claim c JOIN forecast f ON f.claim_id = c.id
WHERE c.outcome IS NOT NULL AND f.forecaster_id IN (SELECT id FROM forecaster WHERE name IN ('me', 'm001'))
  AND c.id IN (SELECT a.claim_id FROM forecast a JOIN forecast b ON b.claim_id = a.claim_id
               WHERE a.forecaster_id = (SELECT id FROM forecaster WHERE name = 'me') AND b.forecaster_id = (SELECT id FROM forecaster WHERE name = 'm001'))
ORDER BY c.id, f.created_at, f.id;
SQL
  # The leaderboard scores each forecaster against the others on each claim (peer scores), so it
  # reads every counted forecast; psql reads the same rows (its own aggregate would be a lower bar).
  cat > "$d/leaderboard.sql" <<SQL
$head
SELECT id, name FROM forecaster ORDER BY id;
SELECT f.claim_id, f.forecaster_id, f.probability, c.outcome FROM forecast f JOIN claim c ON c.id = f.claim_id
WHERE f.is_final = 1 AND f.option_id IS NULL AND c.outcome IS NOT NULL ORDER BY f.claim_id, f.forecaster_id;
SQL
}

commands() {   # label, journal, reference command prefix, SQL dir
  local j="$2" ref="$3" d="$4"
  pair "$1 \`list --limit 20\`" "$credence list --limit 20 --journal $j" "$ref $d/list.sql" "$1"
  pair "$1 \`show ID\`" "$credence show $show_id --journal $j" "$ref $d/show.sql" "$1"
  pair "$1 \`add\` (quick line, a tag)" "$credence add Ryan ships by friday 70% #work --journal $j" "$ref $d/add.sql" "$1"
  pair "$1 \`forecast ID 70%\`" "$credence forecast $open_id 70% --journal $j" "$ref $d/forecast.sql" "$1"
  pair "$1 \`report\`" "$credence report --journal $j" "$ref $d/report.sql" "$1"
  pair "$1 \`report --json\`" "$credence report --json --journal $j" "$ref $d/report.sql" "$1"
  pair "$1 \`vs me m001\`" "$credence vs me m001 --journal $j" "$ref $d/vs.sql" "$1"
  pair "$1 \`leaderboard\`" "$credence leaderboard --journal $j" "$ref $d/leaderboard.sql" "$1"
}

if [[ $parts == *" team "* ]]; then
echo "commands on the team journal…" >&2
sqlfiles "$work/pg" postgres
commands "team" "$url" "psql -X -q -A -t -v ON_ERROR_STOP=1 $url -f" "$work/pg"
peak_report=$(/usr/bin/time -f %M "$credence" report --journal "$url" 2>&1 >/dev/null | tail -1)
fi

# 20 members, each in its own process loop of 200 `forecast` commands (a cold process each) on the
# same 200 open claims at once. Each acknowledged write is logged, then looked for.
concurrent() {   # label, journal, how NAME connects (a function), a count query runner, the stored values' command
  local label="$1" target="$2" connect="$3" pids=() t0 t1
  mapfile -t claims < <(printf '%s\n' "$open_ids")
  rm -f "$work"/ack-* "$work"/err-*
  t0=$(date +%s%N)
  for m in $(seq -w 1 20); do
    ( for k in $(seq 0 199); do
        p=$(( (10#$m * 7 + k) % 98 + 1 ))
        if $credence forecast "${claims[$k]}" "$p%" $("$connect" "w$m" "$target") >/dev/null 2>>"$work/err-$m"; then
          echo "${claims[$k]} $p" >> "$work/ack-$m"
        fi
      done ) & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  t1=$(date +%s%N)
  local acked errors stored missing
  acked=$(cat "$work"/ack-* 2>/dev/null | wc -l || true)
  errors=$(cat "$work"/err-* 2>/dev/null | grep -c . || true)
  stored=$("$4" "SELECT count(*) FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE w.name LIKE 'w__'")
  # Every acknowledged forecast is there, by its member, on its claim, with its value.
  missing=$(python3 - "$work" "$5" <<'PY'
import glob, subprocess, sys
work, query = sys.argv[1], sys.argv[2]
stored = set(subprocess.run(query, shell=True, capture_output=True, text=True, check=True).stdout.split())
missing = 0
for path in glob.glob(f"{work}/ack-*"):
    who = "w" + path.rsplit("-", 1)[1]
    for line in open(path):
        claim, p = line.split()
        if f"{who}|{claim}|{int(p) / 100}" not in stored:
            missing += 1
print(missing)
PY
)
  local secs; secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
  table+=("| $label: 20 members × 200 \`forecast\` at once (a process each) | $acked acknowledged of 4,000, $errors errors; $stored stored, $missing acknowledged values missing; $secs s = $(awk -v n="$acked" -v s="$secs" 'BEGIN {printf "%.0f", n / s}') forecasts/s | — | — |")
  echo "  $label concurrent: $acked acknowledged, $errors errors, $stored stored, $missing missing, $secs s" >&2
  [ "$errors" -eq 0 ] || head -3 "$work"/err-* >&2 || true
}
member_url() { echo "--journal postgres://$1:pw-$1@127.0.0.1:$port/team"; }
sqlite_as() { echo "--as $1 --journal $2"; }
pg_count() { q "$1"; }
if [[ $parts == *" team "* ]]; then
for m in $(seq -w 1 20); do "$credence" team add "w$m" --password "pw-w$m" --journal "$url" >/dev/null; done
open_ids=$(psql -X -At -v ON_ERROR_STOP=1 "$url" -c "SELECT id FROM credence.claim WHERE status = 'open' ORDER BY id LIMIT 200 OFFSET 1000")
[ "$(wc -l <<< "$open_ids")" -eq 200 ] || { echo "fewer than 200 open claims for the writers" >&2; exit 1; }
pg_values="psql -X -At -F'|' $url -c \"SELECT w.name, f.claim_id, f.probability FROM credence.forecast f JOIN credence.forecaster w ON w.id = f.forecaster_id WHERE w.name LIKE 'w__'\""
echo "20 members at once on the team journal…" >&2
concurrent "team" "$url" member_url pg_count "$pg_values"

fi

# The same shapes on the SQLite engine, the sqlite3 shell beside it.
if [[ $parts == *" file "* ]]; then
echo "the same on a SQLite journal…" >&2
lite="$data/team.sqlite"
rm -f "$lite" "$lite-wal" "$lite-shm" "$data/team-sqlite3.db"
limp=$(WARMUP=0 med 1 "$credence import $data/team.csv --journal $lite")
lcpy=$(WARMUP=0 med 1 "sqlite3 $data/team-sqlite3.db '.import --csv $data/team.csv t'")
rm -f "$data/team-sqlite3.db"
echo "  file import: $limp s; sqlite3 .import: $lcpy s" >&2
table+=("| file \`import\`, $rows_in_csv-row Credence CSV | $(awk -v r="$rows_in_csv" '{printf "%.1f s = %\047d rows/s", $1, r / $1}' <<< "$limp") | $(awk -v r="$rows_in_csv" '{printf "%.1f s (.import to a text table) = %\047d rows/s", $1, r / $1}' <<< "$lcpy") | $(ratio "$limp" "$lcpy") |")
open_id=$(sqlite3 "$lite" "SELECT id FROM claim WHERE status = 'open' ORDER BY id LIMIT 1 OFFSET 100")
open_ids=$(sqlite3 "$lite" "SELECT id FROM claim WHERE status = 'open' ORDER BY id LIMIT 200 OFFSET 1000")
sqlfiles "$work/lite" sqlite
commands "file" "$lite" "sqlite3 $lite <" "$work/lite"
lite_count() { sqlite3 -cmd '.timeout 10000' "$lite" "$1"; }
lite_values="sqlite3 -cmd '.timeout 10000' $lite \"SELECT w.name, f.claim_id, f.probability FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE w.name LIKE 'w__'\""
echo "20 writers at once on the SQLite journal…" >&2
concurrent "file" "$lite" sqlite_as lite_count "$lite_values"
fi

# The SQLite path before and after the engine change: run.sh's import and two reads, both binaries.
regress=()
if [ -n "$old" ] && [[ $parts == *" regress "* ]]; then
  echo "SQLite before ($old) and after…" >&2
  [ -f "$data/large.csv" ] || python3 Benchmarks/generate.py "$data"
  large_rows=$(($(wc -l < "$data/large.csv") - 1))
  for v in old new; do
    bin="$credence"; [ "$v" = old ] && bin="$old"
    j="$data/regress-$v.sqlite"
    # The last timed import leaves the journal the reads then use.
    imp=$(WARMUP=0 med 2 "$bin import $data/large.csv --journal $j" "rm -f $j $j-wal $j-shm")
    declare "imp_$v=$imp"
    declare "list_$v=$(med "$runs" "$bin list --limit 20 --journal $j")"
    declare "report_$v=$(med "$runs" "$bin report --journal $j")"
  done
  echo "  before: import $imp_old, list $list_old, report $report_old; after: import $imp_new, list $list_new, report $report_new" >&2
  regress+=("| \`import\`, $large_rows-row Credence CSV (run.sh's data) | $(awk -v r="$large_rows" '{printf "%.2f s = %\047d rows/s", $1, r / $1}' <<< "$imp_old") | $(awk -v r="$large_rows" '{printf "%.2f s = %\047d rows/s", $1, r / $1}' <<< "$imp_new") | $(ratio "$imp_new" "$imp_old") |")
  regress+=("| \`list --limit 20\` | $(ms "$list_old") | $(ms "$list_new") | $(ratio "$list_new" "$list_old") |")
  regress+=("| \`report\`, 1M forecasts | $(ms "$report_old") | $(ms "$report_new") | $(ratio "$report_new" "$report_old") |")
  rm -f "$data"/regress-*.sqlite*
fi

{
  echo "Measured $(date -u +%F) on $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL $(psql -X -At "$admin_postgres" -c 'SHOW server_version') with fsync on, over TCP on 127.0.0.1 with scram-sha-256; \`bash Benchmarks/team.sh\` (medians of $runs cold runs after one warm-up, min–max in brackets; the import once). \`report\` on the team journal peaked at $((peak_report / 1024)) MB."
  echo
  echo "| operation | credence | psql / sqlite3, the same statements | ratio |"
  echo "|---|---|---|---|"
  for row in "${table[@]}"; do echo "$row"; done
  if [ ${#regress[@]} -gt 0 ]; then
    echo
    echo "The SQLite path before the engine change (0318a86) and after, in the same run:"
    echo
    echo "| operation | before | after | after ÷ before |"
    echo "|---|---|---|---|"
    for row in "${regress[@]}"; do echo "$row"; done
  fi
} > "$out"
cat "$out"

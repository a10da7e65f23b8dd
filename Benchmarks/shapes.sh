#!/usr/bin/env bash
# The real data shapes of issue 15 (Benchmarks/shapes.py), timed on one release binary, each
# command beside the sqlite3 shell doing the matching aggregate on the same file in the same run.
#   bash Benchmarks/shapes.sh [BINARY] [DATA]    (default .build/release/credence, Benchmarks/data)
# Single cold runs (GNU time: elapsed seconds and peak memory); the machine is shared, so compare
# builds by running this twice in a row and read ratios, not absolute figures.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-.build/release/credence}")"
data="$(realpath -m "${2:-Benchmarks/data}")"
mkdir -p "$data"
[ -f "$data/large.csv" ] || python3 Benchmarks/generate.py "$data"
[ -f "$data/contest.csv" ] && [ -f "$data/merge.csv" ] || python3 Benchmarks/shapes.py "$data"
export NO_COLOR=1
work="$data/shapes"
rm -rf "$work"
mkdir -p "$work"

# name, command…: prints "| name | seconds | peak MB | ok or the exit status and error |"
t() {
  local name="$1"; shift
  local out
  /usr/bin/time -o "$work/time" -f "%e %M %x" bash -c "$*" >/dev/null 2>"$work/err"
  read -r secs kb status < "$work/time"
  printf '| %s | %s s | %s MB | %s |\n' "$name" "$secs" "$((kb / 1024))" \
    "$([ "$status" = 0 ] && echo ok || echo "exit $status: $(head -c 150 "$work/err" | tr '\n' ' ')")"
}
rows() { echo $(($(wc -l < "$1") - 1)); }

echo "| operation | time | peak | |"
echo "|---|---|---|---|"
for shape in contest sparse plain1m single100k; do
  csv="$data/$shape.csv"
  t "import $shape.csv ($(rows "$csv") rows) into a new journal" "$bin import $csv --journal $work/$shape.sqlite"
  t "  sqlite3 .import of the same file" "sqlite3 $work/$shape-sqlite3.db '.import --csv $csv t'"
done
t "import large.csv ($(rows "$data/large.csv") rows, Credence CSV: the reference shape)" \
  "$bin import $data/large.csv --journal $work/large.sqlite"
cp "$work/large.sqlite" "$work/merged.sqlite"
t "import merge.csv ($(rows "$data/merge.csv") rows: 10,000 new + 3,000 existing claims) into 100,000 claims" \
  "$bin import $data/merge.csv --journal $work/merged.sqlite"
final="SELECT forecaster_id, probability, count(*), sum(outcome) FROM forecast WHERE is_final = 1 AND outcome IS NOT NULL GROUP BY 1, 2"
for j in contest sparse; do
  db="$work/$j.sqlite"
  a=$(sqlite3 "$db" "SELECT name FROM forecaster ORDER BY id LIMIT 1")
  b=$(sqlite3 "$db" "SELECT name FROM forecaster ORDER BY id LIMIT 1 OFFSET 1")
  t "$j: report --as all" "$bin report --as all --journal $db"
  t "$j: report --as all --json" "$bin report --as all --json --journal $db"
  t "$j: report --as all --by forecaster" "$bin report --as all --by forecaster --journal $db"
  t "  sqlite3: final forecasts by forecaster and probability" "sqlite3 $db '$final'"
  t "$j: leaderboard --contest" "$bin leaderboard --contest --journal $db"
  t "$j: vs $a $b" "$bin vs $a $b --journal $db"
  t "  sqlite3: the two forecasters' shared finals" "sqlite3 $db \"SELECT a.probability, b.probability, a.outcome FROM forecast a JOIN forecast b ON b.claim_id = a.claim_id AND b.is_final = 1 AND b.forecaster_id = 2 WHERE a.is_final = 1 AND a.forecaster_id = 1\""
done
for j in contest large; do
  db="$work/$j.sqlite"
  t "$j: list" "$bin list --journal $db"
  t "$j: list --json" "$bin list --json --journal $db"
  t "$j: list | head -1" "$bin list --journal $db | head -1"
  t "  sqlite3: every claim, newest first" "sqlite3 $db 'SELECT id, status, text FROM claim ORDER BY created_at DESC, id DESC'"
done

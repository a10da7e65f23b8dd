#!/usr/bin/env bash
# Fault script: kills credence with SIGKILL at random moments during a bulk import and during a
# loop of add/forecast/resolve, then writes from 2 and 4 processes at once while a reader runs
# `report`. After every kill the journal must pass `pragma integrity_check`, an import must be all
# or nothing, and every command that reported success must be in the journal.
#   bash scripts/fault-tests.sh            TRIALS=50 WRITES=1000 by default; CREDENCE=path/to/credence
set -uo pipefail
cd "$(dirname "$0")/.."
trials="${TRIALS:-50}"; writes="${WRITES:-1000}"
credence="${CREDENCE:-}"
if [ -z "$credence" ]; then swift build -c release --product credence >/dev/null && credence="$PWD/.build/release/credence"; fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 HOME="$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# The checker waits for writers like credence does, rather than failing on a busy journal.
sql() { sqlite3 -cmd '.timeout 10000' "$@"; }
integrity() { [ "$(sql "$1" 'pragma integrity_check')" = "ok" ] || fail "integrity check of $1: $(sql "$1" 'pragma integrity_check' | head -3)"; }
count() { sql "$1" "SELECT count(*) FROM $2"; }
rand_ms() { echo $(( (RANDOM * 32768 + RANDOM) % $1 )); }

# A file to import: 20,000 forecasts on 2,000 claims.
python3 - "$work/import.csv" <<'PY'
import sys, random
random.seed(5)
with open(sys.argv[1], "w") as f:
    f.write("forecaster,question_id,probability,outcome,question\n")
    for q in range(2000):
        outcome = random.choice(["1", "0", ""])
        for who in ("me", "ryan", "sam", "ana", "bo", "cy", "di", "ed", "fa", "gu"):
            f.write(f"{who},q{q},{random.randint(1, 99) / 100},{outcome},Question {q}\n")
PY
base="$work/base.sqlite"
"$credence" add "A claim that was here before" 60% --journal "$base" >/dev/null
base_forecasts=$(count "$base" forecast)

# 1. Kills during a bulk import: all or nothing.
t0=$(date +%s%N); "$credence" import "$work/import.csv" --journal "$work/timing.sqlite" >/dev/null; t1=$(date +%s%N)
import_ms=$(( (t1 - t0) / 1000000 + 50 ))
imports_whole=0; imports_none=0
for i in $(seq "$trials"); do
  j="$work/import-$i.sqlite"; cp "$base" "$j"
  "$credence" import "$work/import.csv" --journal "$j" >/dev/null 2>&1 & pid=$!
  sleep "$(printf '0.%03d' "$(rand_ms "$import_ms")")"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  integrity "$j"
  n=$(count "$j" forecast)
  if [ "$n" -eq "$base_forecasts" ]; then imports_none=$((imports_none + 1))
  elif [ "$n" -eq $((base_forecasts + 20000)) ]; then imports_whole=$((imports_whole + 1))
  else fail "import trial $i left $n forecasts (neither $base_forecasts nor $((base_forecasts + 20000)))"; fi
  rm -f "$j" "$j-wal" "$j-shm"
done

# 1b. Kills during a streaming import (a Credence CSV over 4 MB) into a journal that does not exist
# yet: it is written under a temporary name and linked into place whole, so the journal is either
# absent or complete, and the next import removes what the killed one left behind.
python3 - "$work/stream.csv" <<'PY'
import sys, random
random.seed(6)
header = "record,claim_uuid,claim_id,claim,kind,notes,claim_created_at,resolve_by,options,tags,condition_uuid,condition_requires,forecaster,option,probability,typed,form,reason,caveats,created_at,status,resolved_at,recorded_at,note,resolved_by,automatic,yes,no,yes_stake,no_stake,terms,settled_at,settlement"
with open(sys.argv[1], "w") as f:
    f.write(header + "\n")
    for q in range(4000):
        claim = f"forecast,00000000-0000-4000-8000-{q:012d},,Question {q} about whether the thing happens by the end of the quarter,binary,,2025-01-01T00:00:00.000Z,,,\"[\"\"work\"\"]\",,,"
        for who in ("me", "ryan", "sam", "ana", "bo"):
            p = random.randint(1, 99)
            f.write(f"{claim}{who},,{p / 100},{p}%,percent,,,2025-01-0{1 + len(who)}T00:00:00.000Z,,,,,,,,,,,,,\n")
PY
[ "$(wc -c < "$work/stream.csv")" -gt $((4 << 20)) ] || fail "stream.csv is under 4 MB: the import would not stream"
t0=$(date +%s%N); "$credence" import "$work/stream.csv" --journal "$work/stream-timing.sqlite" >/dev/null; t1=$(date +%s%N)
stream_ms=$(( (t1 - t0) / 1000000 + 50 ))
streams_whole=0; streams_none=0; streams_leftover=0
mkdir -p "$work/fresh"
for i in $(seq "$trials"); do
  j="$work/fresh/j.sqlite"
  "$credence" import "$work/stream.csv" --journal "$j" >/dev/null 2>&1 & pid=$!
  sleep "$(printf '0.%03d' "$(rand_ms "$stream_ms")")"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if [ -e "$j" ]; then
    integrity "$j"
    n=$(count "$j" forecast)
    if [ "$n" -eq 20000 ]; then streams_whole=$((streams_whole + 1)); else fail "streaming trial $i left a journal with $n forecasts"; fi
    rm -f "$j" "$j-wal" "$j-shm"
  else
    streams_none=$((streams_none + 1))
  fi
  # The next import into the path completes and clears the killed one's temporary journal.
  if ls -A "$work/fresh" | grep -q '^\.j\.sqlite\.importing-'; then streams_leftover=$((streams_leftover + 1)); fi
  "$credence" import "$work/stream.csv" --journal "$j" >/dev/null || fail "streaming trial $i: the import after the kill failed"
  [ "$(count "$j" forecast)" -eq 20000 ] || fail "streaming trial $i: the import after the kill is not whole"
  left=$(ls -A "$work/fresh" | grep -v '^j.sqlite$' || true)
  [ -z "$left" ] || fail "streaming trial $i left $left"
  rm -f "$j" "$j-wal" "$j-shm"
done

# 2. Kills during a loop of add / forecast / resolve: every reported success is there.
commands_done=0
for i in $(seq "$trials"); do
  j="$work/loop-$i.sqlite"; log="$work/loop-$i.log"; cp "$base" "$j"; : > "$log"
  ( set -m; for k in $(seq 1000); do
      out=$("$credence" add "Loop claim $k" 40% --journal "$j") || continue
      id=$(echo "$out" | sed -n 's/^Added claim \([0-9]*\):.*/\1/p'); echo "add $id" >> "$log"
      "$credence" forecast "$id" 70% --as ryan --journal "$j" >/dev/null && echo "forecast $id" >> "$log"
      "$credence" resolve "$id" yes --journal "$j" >/dev/null && echo "resolve $id" >> "$log"
    done ) & pid=$!
  sleep "$(printf '0.%03d' "$(rand_ms 900)")"; kill -9 -- -"$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  pkill -9 -f "journal $j" 2>/dev/null; sleep 0.05
  integrity "$j"
  while read -r what id; do
    commands_done=$((commands_done + 1))
    case "$what" in
      add) [ "$(sql "$j" "SELECT count(*) FROM claim WHERE id = $id AND text LIKE 'Loop claim %'")" = 1 ] || fail "loop $i: claim $id reported added but missing" ;;
      forecast) [ "$(sql "$j" "SELECT count(*) FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE claim_id = $id AND w.name = 'ryan'")" = 1 ] || fail "loop $i: forecast on $id missing" ;;
      resolve) [ "$(sql "$j" "SELECT status FROM claim WHERE id = $id")" = yes ] || fail "loop $i: resolution of $id missing" ;;
    esac
  done < "$log"
  rm -f "$j" "$j-wal" "$j-shm"
done

# 3. Writers at once, and a reader that must never see a claim without its forecast.
concurrent() {
  local procs="$1" j="$work/concurrent-$1.sqlite"
  "$credence" add "Seed" 50% --journal "$j" >/dev/null
  for p in $(seq "$procs"); do
    for k in $(seq "$writes"); do echo "add \"Writer $p claim $k\" 35% #w$p"; done > "$work/writer-$p.credence"
  done
  : > "$work/reader.log"; : > "$work/reads"; rm -f "$work/stop"
  # Stopped by a file rather than a signal: a caller (such as the test runner) may have SIGTERM blocked.
  ( while [ ! -e "$work/stop" ]; do
      "$credence" report --as all --json --journal "$j" >/dev/null 2>>"$work/reader.log" || echo "report failed" >> "$work/reader.log"
      orphans=$(sql "$j" "SELECT count(*) FROM claim WHERE id NOT IN (SELECT claim_id FROM forecast)" 2>>"$work/reader.log")
      [ "$orphans" = 0 ] || echo "half-written state: $orphans claims without a forecast" >> "$work/reader.log"
      echo >> "$work/reads"
    done ) & reader=$!
  local pids=()
  for p in $(seq "$procs"); do "$credence" --journal "$j" < "$work/writer-$p.credence" >/dev/null 2>"$work/writer-$p.err" & pids+=($!); done
  local ok=0
  for pid in "${pids[@]}"; do wait "$pid" && ok=$((ok + 1)); done
  touch "$work/stop"; wait "$reader" 2>/dev/null
  local claims; claims=$(count "$j" claim)
  [ "$ok" -eq "$procs" ] || fail "$procs writers: only $ok exited 0"
  [ "$claims" -eq $((procs * writes + 1)) ] || fail "$procs writers: $claims claims, expected $((procs * writes + 1))"
  if grep -h . "$work"/writer-*.err | head -3 | grep -q .; then fail "$procs writers: errors: $(grep -h . "$work"/writer-*.err | head -3)"; fi
  if grep -q . "$work/reader.log"; then fail "$procs writers: reader: $(head -3 "$work/reader.log")"; fi
  integrity "$j"
  echo "| $procs processes × $writes writes, a reader running report | $((procs * writes)) | $((claims - 1)) written, $(grep -c . "$work"/writer-*.err | awk -F: '{s+=$2} END {print s+0}') errors, reader ran report $(wc -l < "$work/reads") times and saw $(grep -c . "$work/reader.log") problems | nothing |"
  rm -f "$work"/writer-*
}

echo
echo "| fault | cases | what happened | lost |"
echo "|---|---|---|---|"
echo "| SIGKILL during a 20,000-forecast import | $trials | integrity ok each time; $imports_whole imports whole, $imports_none not at all, 0 partial | nothing |"
echo "| SIGKILL during a streaming import into a new journal | $trials | integrity ok each time; $streams_whole journals whole, $streams_none absent, 0 partial; $streams_leftover killed imports left a temporary journal, each removed by the next import | nothing |"
echo "| SIGKILL during add/forecast/resolve loops | $trials ($commands_done commands reported done) | integrity ok each time; every reported command present | nothing |"
concurrent 2
concurrent 4
echo
if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "no failures"

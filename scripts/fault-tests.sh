#!/usr/bin/env bash
# Fault script: kills credence with SIGKILL at random moments during a bulk import, a loop of
# add/forecast/resolve, and undo, delete, bet and export, then writes from 2 and 4 processes at once
# while a reader runs `report`. After every kill the journal must pass `pragma integrity_check`, an
# import must be all or nothing, and every command that reported success must be in the journal.
# Then the attacks of "Nothing lost": /dev/full and a full file system for stdout, -o and the
# journal (exit 74), a damaged journal (every write refused), cyclic imports, escape sequences in
# errors, file modes under umask 000, and ids after undo. Then the server faults of a team journal
# (PostgreSQL, clusters of its own): unreachable servers, refused logins, connections dropped and
# servers stopped or killed mid-write, TLS with a private CA. Processes are ended by pid, never by name.
#   bash scripts/fault-tests.sh            TRIALS=50 WRITES=1000 by default; CREDENCE=path/to/credence
#   ONLY=server bash scripts/fault-tests.sh   the server faults alone
set -uo pipefail
cd "$(dirname "$0")/.."
trials="${TRIALS:-50}"; writes="${WRITES:-1000}"
credence="${CREDENCE:-}"
if [ -z "$credence" ]; then swift build -c release --product credence >/dev/null && credence="$PWD/.build/release/credence"; fi
fixtures="$PWD/Tests/CredenceCLITests/Fixtures"
work="$(mktemp -d)"; trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
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
# A Credence CSV over 4 MB (a streaming import): 20,000 forecasts on 4,000 claims.
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
base="$work/base.sqlite"
"$credence" add "A claim that was here before" 60% --journal "$base" >/dev/null
base_forecasts=$(count "$base" forecast)

rows=()
# ONLY=server runs the server faults (11) alone.
if [ "${ONLY:-}" != server ]; then

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
  # In a session of its own, so one kill of its process group ends the loop and the credence it runs.
  setsid bash -c 'for k in $(seq 1000); do
      out=$("$0" add "Loop claim $k" 40% --journal "$1") || continue
      id=$(echo "$out" | sed -n "s/^Added claim \([0-9]*\):.*/\1/p"); echo "add $id" >> "$2"
      "$0" forecast "$id" 70% --as ryan --journal "$1" >/dev/null && echo "forecast $id" >> "$2"
      "$0" resolve "$id" yes --journal "$1" >/dev/null && echo "resolve $id" >> "$2"
    done' "$credence" "$j" "$log" & pid=$!
  sleep "$(printf '0.%03d' "$(rand_ms 900)")"; kill -9 -- -"$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  sleep 0.05
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

# 4. Output that cannot be written: /dev/full as stdout and as -o, then a full file system for -o
# and for the journal. Each is exit 74 naming the failure, and no temporary file stays behind.
small="$work/small.sqlite"
"$credence" import "$work/import.csv" --journal "$small" >/dev/null
devfull=0
for cmd in "export --format json" "export --format csv" "export --format ics" "list" "show 1" "report --as all" "report --as all --json" "list --json" "vs me ryan" "bets" "undo --list"; do
  # shellcheck disable=SC2086
  "$credence" $cmd --journal "$small" > /dev/full 2>"$work/err"; rc=$?
  if [ "$rc" -eq 74 ] && grep -q "could not write to standard output: No space left on device" "$work/err"; then devfull=$((devfull + 1)); else fail "$cmd > /dev/full: exit $rc, $(head -c 200 "$work/err")"; fi
done
# As root, -o goes to a full device of the script's own: a credence that renamed its temporary
# file over the path (as 0.1.0 did) would otherwise replace the system's /dev/full with a file.
fulldev=/dev/full
if [ "$(id -u)" -eq 0 ] && mknod "$work/full-device" c 1 7 2>/dev/null; then fulldev="$work/full-device"; fi
for format in json ics; do
  "$credence" export --format "$format" -o "$fulldev" --journal "$small" >/dev/null 2>"$work/err"; rc=$?
  if [ "$rc" -eq 74 ] && grep -q "could not write to $fulldev: No space left on device" "$work/err"; then devfull=$((devfull + 1)); else fail "export --format $format -o $fulldev: exit $rc, $(head -c 200 "$work/err")"; fi
  [ -c "$fulldev" ] || { fail "export -o $fulldev replaced the device with a file"; rm -f "$fulldev"; mknod -m 666 "$fulldev" c 1 7 2>/dev/null; }
done
rows+=("| stdout and -o on /dev/full (export json/csv/ics, list, show, report, --json, vs, bets, undo --list) | 13 | $devfull exited 74 with \"could not write to …: No space left on device\" | $( [ "$devfull" -eq 13 ] && echo nothing || echo "output reported done that never arrived") |")

# A small full file system: a tmpfs where mounting is allowed (root, as in CI), else ulimit -f.
full="$work/full"; mkdir -p "$full"; mounted=0
if mount -t tmpfs -o size=256k tmpfs "$full" 2>/dev/null; then mounted=1; fi
if [ "$mounted" -eq 1 ]; then
  cp "$base" "$full/j.sqlite"
  "$credence" export --format json -o "$full/backup.json" --journal "$small" >/dev/null 2>"$work/err"; rc=$?
  [ "$rc" -eq 74 ] && grep -q "could not write to $full/backup.json: No space left on device" "$work/err" || fail "export -o on a full disk: exit $rc, $(cat "$work/err")"
  "$credence" export --format json --journal "$small" > "$full/backup2.json" 2>"$work/err"; rc2=$?
  [ "$rc2" -eq 74 ] || fail "export > file on a full disk: exit $rc2"
  rm -f "$full/backup2.json"
  left=$(ls -A "$full" | grep -c credence-tmp || true)
  [ "$left" -eq 0 ] || fail "export -o on a full disk left $left temporary files"
  rm -f "$full"/*.credence-tmp-*
  # Fill what is left, then write to the journal on that disk.
  before=$(sql "$full/j.sqlite" "SELECT count(*) FROM claim")
  dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null; sync
  "$credence" import "$work/import.csv" --journal "$full/j.sqlite" >/dev/null 2>"$work/err"; rc3=$?
  [ "$rc3" -eq 74 ] && grep -q "is full: nothing was written" "$work/err" || fail "import on a full disk: exit $rc3, $(cat "$work/err")"
  rm -f "$full/filler"; integrity "$full/j.sqlite"
  same=yes; [ "$(sql "$full/j.sqlite" "SELECT count(*) FROM claim")" = "$before" ] || { same=no; fail "import on a full disk changed the journal"; }
  umount "$full"
  rows+=("| a full 256 KB tmpfs: export -o, export > file, import into a journal there | 3 | exit $rc, $rc2 and $rc3 (want 74 each); $left temporary files left; journal unchanged: $same | $( [ "$rc$rc2$rc3" = 747474 ] && [ "$left" -eq 0 ] && echo nothing || echo "a backup reported done, or space held by a temporary file") |")
else
  ( ulimit -f 64; "$credence" export --format json -o "$full/backup.json" --journal "$small" >/dev/null 2>"$work/err" ); rc=$?
  [ "$rc" -eq 74 ] || fail "export -o past ulimit -f: exit $rc, $(cat "$work/err")"
  [ "$(ls -A "$full" | grep -c credence-tmp || true)" -eq 0 ] || fail "export -o past ulimit -f left a temporary file"
  rows+=("| export -o past ulimit -f 64 (no tmpfs here) | 1 | exit $rc; no temporary file left | nothing |")
fi

# 5. A journal with 64 bytes flipped in its middle: every write refused, naming the journal, the file untouched.
damaged="$work/damaged.sqlite"; cp "$base" "$damaged"
for k in $(seq 60); do echo "add \"Damage claim $k with some words to fill a page\" 40% #d$((k % 5))"; done | "$credence" --journal "$damaged" >/dev/null
sql "$damaged" 'pragma wal_checkpoint(truncate)' >/dev/null
python3 - "$damaged" <<'PY'
import sys
path = sys.argv[1]
with open(path, "r+b") as f:
    data = f.read(); middle = len(data) // 2 // 4096 * 4096
    f.seek(middle); f.write(bytes(b ^ 0xFF for b in data[middle:middle + 64]))
PY
[ "$(sql "$damaged" 'pragma integrity_check' 2>&1 | head -1)" != ok ] || fail "flipping bytes did not damage the journal"
sum_before=$(sha256sum < "$damaged")
refused=0
for cmd in "add More 50%" "resolve 1 yes --force" "forecast 2 30% --as ryan" "delete 3 --yes" "undo" "import $work/import.csv"; do
  # shellcheck disable=SC2086
  "$credence" $cmd --journal "$damaged" >/dev/null 2>"$work/err"; rc=$?
  if [ "$rc" -ne 0 ] && grep -q "the journal $damaged is damaged" "$work/err"; then refused=$((refused + 1)); else fail "$cmd on a damaged journal: exit $rc, $(head -c 300 "$work/err")"; fi
done
"$credence" backup "$work/copy.sqlite" --journal "$damaged" >/dev/null 2>"$work/err"; rc=$?
[ "$rc" -ne 0 ] && grep -q "the journal $damaged is damaged" "$work/err" && refused=$((refused + 1)) || fail "backup of a damaged journal: exit $rc, $(cat "$work/err")"
same=yes; [ "$(sha256sum < "$damaged")" = "$sum_before" ] || { same=no; fail "a command changed the damaged journal"; }
rows+=("| 64 bytes flipped mid-journal: add, resolve --force, forecast, delete, undo, import, backup | 7 | $refused refused, naming the damaged journal (for backup too, not the copy); file byte-identical: $same | $( [ "$same" = yes ] && echo nothing || echo "writes went on into a damaged journal") |")

# 6. Cyclic and self conditions in an import: refused, naming the claims; the journal byte-identical.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def claim(n, on=None):
    return {"uuid": f"00000000-0000-4000-8000-{n:012d}", "text": f"Cycle claim {n}", "kind": "binary",
            "created_at": "2025-01-01T00:00:00.000Z", "options": [], "tags": [],
            "condition": {"claim_uuid": f"00000000-0000-4000-8000-{on:012d}", "requires": "yes"} if on else None,
            "forecasts": [{"forecaster": "me", "probability": 0.6, "typed": "60%", "form": "percent",
                           "created_at": "2025-01-01T00:00:00.000Z", "caveats": []}], "resolutions": []}
doc = lambda claims: {"format": "credence-journal", "version": 1, "claims": claims, "bets": []}
json.dump(doc([claim(1, 2), claim(2, 1)]), open(f"{work}/cycle.json", "w"))
json.dump(doc([claim(1, 1)]), open(f"{work}/self.json", "w"))
json.dump(doc([claim(1), claim(2)]), open(f"{work}/plain.json", "w"))
PY
cycles=0
cyc="$work/cycle-existing.sqlite"; cp "$base" "$cyc"
"$credence" import "$work/plain.json" --journal "$cyc" >/dev/null
for file in cycle self; do
  for target in "$cyc" "$work/cycle-new-$file.sqlite"; do
    [ -e "$target" ] && sum=$(sha256sum < "$target") || sum=absent
    "$credence" import "$work/$file.json" --journal "$target" >/dev/null 2>"$work/err"; rc=$?
    if [ "$rc" -eq 65 ] && grep -q "would depend on itself" "$work/err"; then cycles=$((cycles + 1)); else fail "import $file.json: exit $rc, $(cat "$work/err")"; fi
    if [ "$sum" != absent ]; then [ "$(sha256sum < "$target")" = "$sum" ] || fail "import $file.json changed $target"; fi
  done
done
left_conditions=$(sql "$cyc" 'SELECT count(*) FROM condition')
[ "$left_conditions" = 0 ] || fail "a cyclic import left a condition behind"
"$credence" add "Depends on itself" 50% --if 1 --journal "$cyc" >/dev/null
id=$(sql "$cyc" "SELECT max(id) FROM claim")
"$credence" add "Closes a circle" 50% --if "$id" --journal "$cyc" >/dev/null
rows+=("| cyclic and self conditions imported (new and existing journal) | 4 | $cycles refused with exit 65 \"claim “…” would depend on itself through …\"; conditions left in the journal: $left_conditions | $( [ "$cycles" -eq 4 ] && echo nothing || echo "a circle of conditions stored") |")

# 7. Hostile names: escape sequences in forecaster names, ids, commands and tags never reach stderr raw.
hostile="$work/hostile.sqlite"
esc=$'\e'
printf 'forecaster,question_id,probability,outcome,question\n%s,q1,0.6,1,Question one\n' "evil${esc}]52;c;aGVsbG8=${esc}\\name" > "$work/hostile.csv"
"$credence" import "$work/hostile.csv" --journal "$hostile" >/dev/null 2>&1
clean=0; hostile_cases=0
for args in "vs me nobody" "show 1${esc}[2J" "resolve ${esc}[31m1 yes" "${esc}]0;title${esc}\\" "list --tag ${esc}[31mred" "add x 50% --tag ${esc}[31mred" "list --bogus${esc}[31m" "add ${esc}[31mbad 150%"; do
  hostile_cases=$((hostile_cases + 1))
  # shellcheck disable=SC2086
  "$credence" $args --journal "$hostile" >/dev/null 2>"$work/err"
  if grep -q "$esc" "$work/err"; then fail "an ESC byte reached stderr: $args"
  elif [ ! -s "$work/err" ]; then fail "no message on stderr: $args"
  else clean=$((clean + 1)); fi
done
rows+=("| escape sequences in stored names, ids, commands, tags, flags, a quick entry | $hostile_cases | $clean of them left stderr without an ESC byte | $( [ "$clean" -eq "$hostile_cases" ] && echo nothing || echo "escapes reached the terminal") |")

# 8. Every file credence creates is private, even under umask 000.
modes=0; files=0
( umask 000; cd "$work" && mkdir -p modes && cd modes
  "$credence" add "Mode claim" 60% --journal j.sqlite >/dev/null
  "$credence" resolve 1 yes --journal j.sqlite >/dev/null
  "$credence" report --as all -o r.html --journal j.sqlite 2>/dev/null
  "$credence" report --as all -o r.svg --journal j.sqlite 2>/dev/null
  "$credence" report --as all -o r.csv --journal j.sqlite 2>/dev/null
  "$credence" export --format json -o e.json --journal j.sqlite 2>/dev/null
  "$credence" backup b.sqlite --journal j.sqlite >/dev/null
  "$credence" yearly paste "$fixtures/yearly-2026.md" --journal y.sqlite >/dev/null 2>&1
  "$credence" yearly grade --answers ynyytny --journal y.sqlite >/dev/null 2>&1
  "$credence" yearly post -o post.md --journal y.sqlite 2>/dev/null
  : > empty.sqlite; chmod 666 empty.sqlite; "$credence" add "Adopted" 50% --journal empty.sqlite >/dev/null 2>&1 )
for f in "$work"/modes/*; do
  files=$((files + 1))
  m=$(stat -c %a "$f")
  if [ "$m" = 600 ]; then modes=$((modes + 1)); else fail "$(basename "$f") is mode $m under umask 000"; fi
done
rows+=("| files created under umask 000: $(ls "$work/modes" | tr "\n" " ")| $files | $modes are 0600 | $( [ "$modes" -eq "$files" ] && echo nothing || echo "files readable by others") |")

# 9. Ids are never reused: an undone add's id is not given again.
ids="$work/ids.sqlite"
"$credence" add "First" 50% --journal "$ids" >/dev/null
"$credence" add "Second" 50% --journal "$ids" >/dev/null
"$credence" undo --journal "$ids" >/dev/null
next=$("$credence" add "Third" 50% --journal "$ids" | sed -n 's/^Added claim \([0-9]*\):.*/\1/p')
[ "$next" = 3 ] || fail "after add 2 and undo, the next add is claim $next (expected 3)"
rows+=("| add, undo, add | 1 | the new claim is $next (claim 2 was undone; 3 means no id given twice) | $( [ "$next" = 3 ] && echo nothing || echo "an id given to two claims") |")

# 10. SIGKILL during undo, delete, bet and export.
kills_undo=0; kills_export=0; exports_left=0; exports_cleared=0
setup="$work/kill-base.sqlite"; cp "$base" "$setup"
"$credence" import "$work/import.csv" --journal "$setup" >/dev/null
for k in $(seq 20); do echo "bet 1 --with p$k --stake 1 --odds 2:1 --side yes"; done | "$credence" --journal "$setup" >/dev/null
# Kills fall anywhere in the slowest of the four (the export), so most land while one still runs.
t0=$(date +%s%N); "$credence" export --format json -o "$work/t.json" --journal "$setup" >/dev/null 2>&1; t1=$(date +%s%N)
undo_ms=$(( (t1 - t0) / 1000000 + 50 ))
for i in $(seq "$trials"); do
  j="$work/kill-$i.sqlite"; cp "$setup" "$j"
  claims=$(count "$j" claim); bets=$(count "$j" bet); forecasts=$(count "$j" forecast)
  case $((i % 4)) in
    0) "$credence" undo --journal "$j" >/dev/null 2>&1 & pid=$! ;;
    1) "$credence" delete 1 --yes --journal "$j" >/dev/null 2>&1 & pid=$! ;;
    2) "$credence" bet 2 --with someone --stake 5 --odds 3:1 --journal "$j" >/dev/null 2>&1 & pid=$! ;;
    3) "$credence" export --format json -o "$work/kill-export.json" --journal "$j" >/dev/null 2>&1 & pid=$! ;;
  esac
  sleep "$(printf '0.%03d' "$(rand_ms "$undo_ms")")"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  integrity "$j"
  now_claims=$(count "$j" claim); now_bets=$(count "$j" bet); now_forecasts=$(count "$j" forecast)
  case $((i % 4)) in
    0) { [ "$now_bets" -eq "$bets" ] || [ "$now_bets" -eq $((bets - 1)) ]; } || fail "killed undo left $now_bets bets (from $bets)" ;;
    1) { [ "$now_claims" -eq "$claims" ] && [ "$now_forecasts" -eq "$forecasts" ]; } || { [ "$now_claims" -eq $((claims - 1)) ] && [ "$now_forecasts" -lt "$forecasts" ]; } || fail "killed delete left $now_claims claims, $now_forecasts forecasts" ;;
    2) { [ "$now_bets" -eq "$bets" ] || [ "$now_bets" -eq $((bets + 1)) ]; } || fail "killed bet left $now_bets bets (from $bets)" ;;
    3) if ls -A "$work" | grep -q '^kill-export.json.credence-tmp-'; then exports_left=$((exports_left + 1)); fi
       if [ -e "$work/kill-export.json" ]; then python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/kill-export.json" || fail "a killed export left a partial kill-export.json"; fi
       "$credence" export --format json -o "$work/kill-export.json" --journal "$j" >/dev/null 2>&1 || fail "the export after a killed one failed"
       if ls -A "$work" | grep -q '^kill-export.json.credence-tmp-'; then fail "the next export did not remove the killed export's temporary file"; rm -f "$work"/kill-export.json.credence-tmp-*; else exports_cleared=$((exports_cleared + 1)); fi
       kills_export=$((kills_export + 1)) ;;
  esac
  [ $((i % 4)) -ne 3 ] && kills_undo=$((kills_undo + 1))
  rm -f "$j" "$j-wal" "$j-shm"
done
rows+=("| SIGKILL during undo, delete and bet | $kills_undo | integrity ok each time; each change whole or absent | nothing |")
rows+=("| SIGKILL during export -o | $kills_export | never a partial file under the name; $exports_left left a temporary file; after the next export, $exports_cleared of $kills_export directories had none | $( [ "$exports_cleared" -eq "$kills_export" ] && echo nothing || echo "space held by temporary files") |")

fi

# 11. Server faults, on team journals (PostgreSQL clusters of the script's own, fsync on, each in a
# directory of its own under /tmp: the cluster's owner, the postgres user, cannot enter $work).
# An unreachable server (a closed port, a blackholed address) is exit 74 within 5 s naming host and
# port; a wrong password, a missing role and a missing database say so; a connection terminated by
# the server, or the server stopped, mid-import leaves nothing half-written; the server killed with
# SIGKILL during a loop of forecasts keeps every forecast the client reported done; TLS with
# verify-full against a server whose certificate a private CA signed works, a wrong CA is refused,
# and sslmode=require against a server without TLS is refused.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
clusters=()
trap 'for c in "${clusters[@]}"; do bash scripts/postgres-cluster.sh stop "$c"; done; umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi; }
cluster() {   # starts a cluster with fsync on; sets $pgdir and $admin (the superuser me's URL)
  pgdir=$(mktemp -d /tmp/credence-fault-pg.XXXXXX); clusters+=("$pgdir")
  admin=$(CREDENCE_PG_FSYNC=on bash scripts/postgres-cluster.sh start "$pgdir") || { fail "a PostgreSQL cluster did not start"; return 1; }
}
pg_restart() {   # starts $pgdir's cluster again on its port, as the cluster script does
  local port="${admin##*:}"; port="${port%%/*}"
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null 2>&1
}
team_db() {   # NAME: a new database with Credence's schema; prints its URL
  psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE DATABASE $1" >/dev/null && "$credence" team init --journal "${admin%/postgres}/$1" >/dev/null && echo "${admin%/postgres}/$1"
}
pgq() { psql -X -At -v ON_ERROR_STOP=1 "$1" -c "SET search_path TO credence; $2" | tail -1; }
first_line() { head -1 "$1" | cut -c1-220 | tr '|' '/'; }
elapsed_ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [ -z "$pgbin" ] || ! command -v psql >/dev/null; then
  fail "PostgreSQL is not installed (apt-get install postgresql): the server faults did not run"
elif cluster; then
  url=$(team_db faults); pw=$(cat "$pgdir/pw"); port="${admin##*:}"; port="${port%%/*}"
  "$credence" add "A claim on the team journal" 60% --journal "$url" >/dev/null || fail "add on the fault cluster's team journal failed"

  # Unreachable: a port nobody listens on, and an address whose packets go nowhere.
  for target in "127.0.0.1:$(free_port)" "10.255.255.1:5432"; do
    t0=$(date +%s%N)
    "$credence" list --journal "postgres://me:$pw@$target/faults" >/dev/null 2>"$work/err"; rc=$?
    took=$(elapsed_ms "$t0")
    ok=yes
    [ "$rc" -eq 74 ] || { ok=no; fail "unreachable $target: exit $rc (want 74): $(first_line "$work/err")"; }
    [ "$took" -le 5500 ] || { ok=no; fail "unreachable $target: took $took ms (want ≤ 5 s)"; }
    grep -qF "$target" "$work/err" || { ok=no; fail "unreachable $target: the message does not name $target: $(first_line "$work/err")"; }
    rows+=("| unreachable server $target (\`list\`) | 1 | exit $rc after $took ms: \"$(first_line "$work/err")\" | $( [ "$ok" = yes ] && echo nothing || echo "a hang, or a message that does not say where") |")
  done

  # Refused logins: the message says which and what to do; the exit is not 0.
  psql -X -q "$admin" -c "CREATE ROLE sam LOGIN PASSWORD 'sams-password'" >/dev/null
  for case in "wrong password|postgres://me:not-the-password@127.0.0.1:$port/faults|password authentication failed for user \"me\"" \
              "missing role|postgres://nobody:whatever@127.0.0.1:$port/faults|for user \"nobody\"" \
              "missing database|postgres://me:$pw@127.0.0.1:$port/nodb|database \"nodb\" does not exist" \
              "a role that is not a member (no grant)|postgres://sam:sams-password@127.0.0.1:$port/faults|permission denied"; do
    IFS='|' read -r what target expect <<< "$case"
    "$credence" list --journal "$target" >/dev/null 2>"$work/err"; rc=$?
    ok=yes
    { [ "$rc" -ne 0 ] && grep -qF "$expect" "$work/err"; } || { ok=no; fail "$what: exit $rc, $(first_line "$work/err") (want a message with: $expect)"; }
    rows+=("| $what (\`list\`) | 1 | exit $rc: \"$(first_line "$work/err")\" | $( [ "$ok" = yes ] && echo nothing || echo "a login failure without its reason") |")
  done

  # A connection the server drops mid-import (pg_terminate_backend), and the server stopped
  # mid-import: every import is whole or absent, never half-written.
  t0=$(date +%s%N); "$credence" import "$work/stream.csv" --journal "$(team_db timing)" >/dev/null || fail "timing import into the team journal failed"
  pg_import_ms=$(elapsed_ms "$t0")
  dropped_whole=0; dropped_none=0; dropped_hung=0; dropped_messages=""
  for i in $(seq 8); do
    j=$(team_db "drop$i"); before=$(pgq "$j" "SELECT count(*) FROM forecast")
    # A client that never notices the lost connection would wait forever: 30 s is a hang (exit 124).
    timeout 30 "$credence" import "$work/stream.csv" --journal "$j" >/dev/null 2>"$work/err" & pid=$!
    sleep "$(awk -v ms="$pg_import_ms" -v i="$i" 'BEGIN {printf "%.3f", ms * i / 9 / 1000}')"
    psql -X -q "$admin" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'drop$i' AND pid <> pg_backend_pid()" >/dev/null
    wait "$pid"; rc=$?
    n=$(pgq "$j" "SELECT count(*) FROM forecast"); u=$(pgq "$j" "SELECT count(*) FROM undo_step")
    if [ "$rc" -eq 0 ] && [ "$n" -eq $((before + 20000)) ]; then dropped_whole=$((dropped_whole + 1))
    elif [ "$rc" -ne 0 ] && [ "$n" -eq "$before" ]; then dropped_none=$((dropped_none + 1)); dropped_messages="$(first_line "$work/err") (exit $rc)"
    elif [ "$rc" -eq 124 ]; then dropped_hung=$((dropped_hung + 1)); fail "import $i with its connection terminated: still running after 30 s (a hang), $n forecasts (from $before)"
    else fail "import $i with its connection terminated: exit $rc and $n forecasts (from $before; whole is $((before + 20000))): $(first_line "$work/err")"; fi
  done
  rows+=("| the server terminates the connection (pg_terminate_backend) during a 20,000-forecast import | 8 | $dropped_none refused with nothing written, $dropped_whole finished whole first, $dropped_hung hung (killed after 30 s); message: \"$dropped_messages\" | $( [ "$dropped_hung" -eq 0 ] && echo nothing || echo "a command that never returns") |")
  j=$(team_db stopped); before=$(pgq "$j" "SELECT count(*) FROM forecast")
  timeout 30 "$credence" import "$work/stream.csv" --journal "$j" >/dev/null 2>"$work/err" & pid=$!
  sleep "$(awk -v ms="$pg_import_ms" 'BEGIN {printf "%.3f", ms / 2 / 1000}')"
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1
  wait "$pid"; rc=$?
  pg_restart || fail "the cluster did not start again after an immediate stop: $(tail -3 "$pgdir/log" | tr '\n' ' ')"
  n=$(pgq "$j" "SELECT count(*) FROM forecast")
  stopped_ok=no
  if [ "$rc" -eq 124 ]; then fail "import with the server stopped mid-way: still running after 30 s (a hang)"
  elif { [ "$rc" -ne 0 ] && [ "$n" -eq "$before" ]; } || { [ "$rc" -eq 0 ] && [ "$n" -eq $((before + 20000)) ]; }; then stopped_ok=yes
  else fail "import with the server stopped mid-way: exit $rc, $n forecasts (from $before)"; fi
  rows+=("| the server stopped (\`pg_ctl stop -m immediate\`) during a 20,000-forecast import | 1 | exit $rc$( [ "$rc" -eq 124 ] && echo " (hung: killed after 30 s)"): \"$(first_line "$work/err")\"; forecasts $before before, $n after the restart | $( [ "$stopped_ok" = yes ] && echo nothing || echo "a hang or half an import") |")

  # SIGKILL of the postmaster and its backends during a loop of forecasts: every forecast the client
  # reported done is there after the restart. Each value is unique (four decimals, the first the trial's).
  j=$(team_db killed)
  for k in 1 2 3 4 5; do "$credence" add "Killed-server claim $k" 50% --journal "$j" >/dev/null; done
  killed_acked=0; killed_lost=0; killed_errors=""
  for trial in 1 2 3; do
    log="$work/pgkill-$trial.log"; : > "$log"
    setsid bash -c 'for k in $(seq 100 999); do
        c=$(( k % 5 + 1 )); p="0.$3$k"
        timeout 30 "$0" forecast "$c" "$p" --journal "$1" >/dev/null 2>>"$2.err" && echo "$c $p" >> "$2"
      done' "$credence" "$j" "$log" "$trial" & loop=$!
    # Kill once the loop has had some forecasts acknowledged (a cold process each takes a while here).
    for wait_ack in $(seq 100); do [ "$(wc -l < "$log")" -ge 3 ] && break; sleep 0.1; done
    sleep "$(printf '0.%03d' "$(rand_ms 999)")"
    pm=$(head -1 "$pgdir/data/postmaster.pid")
    kill -9 "$pm" $(ps -o pid= --ppid "$pm") 2>/dev/null
    # Dead, or a zombie nobody reaps (a container's init may not): the lock files it left would make
    # the next postmaster believe it still runs.
    for wait_dead in $(seq 50); do { [ ! -d "/proc/$pm" ] || [ "$(awk '{print $3}' "/proc/$pm/stat" 2>/dev/null)" = Z ]; } && break; sleep 0.1; done
    [ -d "/proc/$pm" ] && rm -f "$pgdir/data/postmaster.pid" "$pgdir"/.s.PGSQL.*.lock
    sleep 1
    kill -9 -- -"$loop" 2>/dev/null; wait "$loop" 2>/dev/null
    pg_restart || { fail "the cluster did not start again after SIGKILL: $(tail -3 "$pgdir/log" | tr '\n' ' ')"; break; }
    while read -r c p; do
      killed_acked=$((killed_acked + 1))
      [ "$(pgq "$j" "SELECT count(*) FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE f.claim_id = $c AND f.typed = '$p' AND w.name = 'me'")" = 1 ] || { killed_lost=$((killed_lost + 1)); fail "SIGKILL trial $trial: forecast $p on claim $c was reported done and is not there after the restart"; }
    done < "$log"
    [ -s "$log.err" ] && killed_errors=$(head -1 "$log.err" | cut -c1-200)
  done
  finals=$(pgq "$j" "SELECT count(*) FROM (SELECT claim_id FROM forecast WHERE is_final = 1 GROUP BY claim_id, forecaster_id HAVING count(*) <> 1) x")
  [ "$finals" = 0 ] || fail "after SIGKILL, $finals (claim, forecaster) pairs have other than one final forecast"
  rows+=("| SIGKILL of the postmaster and its backends during a loop of \`forecast\`, restart | 3 ($killed_acked forecasts reported done) | $((killed_acked - killed_lost)) of $killed_acked there after the restart; one final forecast per claim and member; the writes in flight failed: \"$killed_errors\" | $( [ "$killed_lost" -eq 0 ] && echo nothing || echo "$killed_lost acknowledged forecasts") |")

  # sslmode=require against this server, which has no TLS.
  "$credence" list --journal "$url?sslmode=require" >/dev/null 2>"$work/err"; rc=$?
  { [ "$rc" -ne 0 ] && grep -q "TLS" "$work/err"; } || fail "sslmode=require without TLS on the server: exit $rc, $(first_line "$work/err")"
  rows+=("| \`sslmode=require\` against a server without TLS | 1 | exit $rc: \"$(first_line "$work/err")\" | $( [ "$rc" -ne 0 ] && echo "nothing" || echo "a connection in clear text") |")
fi

# TLS: a cluster whose certificate (for localhost) a private CA signed.
if [ -n "$pgbin" ] && cluster; then
  tls="$work/tls"; mkdir -p "$tls"
  for ca in ca wrong; do
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Credence test $ca CA" -keyout "$tls/$ca.key" -out "$tls/$ca.pem" 2>/dev/null
  done
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$pgdir/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost\n' > "$tls/ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 -extfile "$tls/ext" -out "$pgdir/server.crt" 2>/dev/null
  chmod 600 "$pgdir/server.key"; [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir/server.key" "$pgdir/server.crt"
  printf "ssl = on\nssl_cert_file = '%s'\nssl_key_file = '%s'\n" "$pgdir/server.crt" "$pgdir/server.key" >> "$pgdir/data/postgresql.conf"
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" reload >/dev/null; sleep 1
  url=$(team_db tls); port="${admin##*:}"; port="${port%%/*}"; pw=$(cat "$pgdir/pw")
  local_url="postgres://me:$pw@localhost:$port/tls"
  "$credence" add "Over TLS" 70% --journal "$local_url?sslmode=verify-full&sslrootcert=$tls/ca.pem" >/dev/null 2>"$work/err"; rc=$?
  [ "$rc" -eq 0 ] || fail "verify-full with the right CA: exit $rc, $(first_line "$work/err")"
  [ "$(pgq "$url" "SELECT count(*) FROM claim WHERE text = 'Over TLS'")" = 1 ] || fail "verify-full with the right CA: the claim is not there"
  rows+=("| \`sslmode=verify-full&sslrootcert=CA.pem\`, the server's certificate for localhost signed by that CA (\`add\`) | 1 | exit $rc; the claim is stored | $( [ "$rc" -eq 0 ] && echo nothing || echo "a team that cannot use TLS") |")
  for case in "verify-full with another CA|$local_url?sslmode=verify-full&sslrootcert=$tls/wrong.pem|certificate" \
              "verify-ca with another CA|$local_url?sslmode=verify-ca&sslrootcert=$tls/wrong.pem|certificate" \
              "verify-full by another name (127.0.0.1, not in the certificate)|postgres://me:$pw@127.0.0.1:$port/tls?sslmode=verify-full&sslrootcert=$tls/ca.pem|certificate" \
              "sslrootcert that does not exist|$local_url?sslmode=verify-full&sslrootcert=$tls/missing.pem|missing.pem"; do
    IFS='|' read -r what target expect <<< "$case"
    before=$(pgq "$url" "SELECT count(*) FROM claim")
    "$credence" add "Must not arrive" 50% --journal "$target" >/dev/null 2>"$work/err"; rc=$?
    after=$(pgq "$url" "SELECT count(*) FROM claim")
    ok=yes
    { [ "$rc" -ne 0 ] && grep -qi "$expect" "$work/err" && [ "$after" = "$before" ]; } || { ok=no; fail "$what: exit $rc, claims $before → $after, $(first_line "$work/err")"; }
    rows+=("| $what (\`add\`) | 1 | exit $rc: \"$(first_line "$work/err")\"; nothing written | $( [ "$ok" = yes ] && echo nothing || echo "a connection to a server nobody vouched for") |")
  done
  "$credence" list --journal "$local_url?sslmode=require" >/dev/null 2>"$work/err"; rc=$?
  [ "$rc" -eq 0 ] || fail "sslmode=require against the TLS server: exit $rc, $(first_line "$work/err")"
  rows+=("| \`sslmode=require\` (encrypted, not verified) against the TLS server | 1 | exit $rc | nothing |")
fi

echo
echo "| fault | cases | what happened | lost |"
echo "|---|---|---|---|"
if [ "${ONLY:-}" != server ]; then
echo "| SIGKILL during a 20,000-forecast import | $trials | integrity ok each time; $imports_whole imports whole, $imports_none not at all, 0 partial | nothing |"
echo "| SIGKILL during a streaming import into a new journal | $trials | integrity ok each time; $streams_whole journals whole, $streams_none absent, 0 partial; $streams_leftover killed imports left a temporary journal, each removed by the next import | nothing |"
echo "| SIGKILL during add/forecast/resolve loops | $trials ($commands_done commands reported done) | integrity ok each time; every reported command present | nothing |"
concurrent 2
concurrent 4
fi
for row in "${rows[@]}"; do echo "$row"; done
echo
if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "no failures"

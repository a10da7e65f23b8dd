#!/usr/bin/env bash
# Prints what BINARY does with the command lines ("$ credence …") of SESSION, run in order on a
# copy of JOURNAL in the test harness's environment (clock 2026-11-22 12:00 UTC, London, piped
# output), in the form of the golden files: stdout, stderr lines as "! …", "[exit N]" when not 0.
#   bash scripts/fixture-session.sh BINARY JOURNAL SESSION > SESSION.new
set -uo pipefail
bin="$1"; journal="$2"; session="$3"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$journal" "$work/journal.sqlite"
export HOME=$work XDG_CONFIG_HOME=$work/config TZ=Europe/London TERM=dumb COLUMNS=100
export CREDENCE_NOW=2026-11-22T12:00:00Z CREDENCE_JOURNAL=$work/journal.sqlite
unset XDG_DATA_HOME NO_COLOR PAGER
grep '^\$ credence ' "$session" | while IFS= read -r line; do
  echo "$line"
  eval "\"$bin\" ${line#\$ credence }" >"$work/out" 2>"$work/err" </dev/null
  status=$?
  cat "$work/out"
  sed 's/^/! /' "$work/err"
  [ $status -ne 0 ] && echo "[exit $status]"
done

#!/usr/bin/env bash
# Walk-through: bring a Fatebook export into a throwaway journal, see what came in, import it again
# (nothing is added), then compare the two forecasters who shared questions.
#   bash Examples/fatebook-import.sh        (uses `credence` on PATH, or CREDENCE=/path/to/credence)
set -euo pipefail
credence="${CREDENCE:-credence}"
here="$(cd "$(dirname "$0")" && pwd)"
journal="$(mktemp -d)/journal.sqlite"
trap 'rm -rf "$(dirname "$journal")"' EXIT
export CREDENCE_JOURNAL="$journal" NO_COLOR=1 TZ=UTC CREDENCE_NOW=2025-06-01T12:00:00Z

run() { echo "\$ credence $*"; "$credence" "$@"; echo; }
run import "$here/data/fatebook-sample.csv"
run import "$here/data/fatebook-sample.csv"
run list --as Alice
run show 3
run vs Alice Bob

#!/usr/bin/env bash
# Walk-through: I say 35%, Ryan says 80%; we bet 20 at his odds; it resolves yes. Who was more
# right, the settled bet, the ledger and the head-to-head, in a throwaway journal.
#   bash Examples/bet-with-ryan.sh          (uses `credence` on PATH, or CREDENCE=/path/to/credence)
set -euo pipefail
credence="${CREDENCE:-credence}"
journal="$(mktemp -d)/journal.sqlite"
trap 'rm -rf "$(dirname "$journal")"' EXIT
export CREDENCE_JOURNAL="$journal" NO_COLOR=1 TZ=UTC

run() { echo "\$ credence $*"; CREDENCE_NOW="$now" "$credence" "$@"; echo; }

now=2026-06-01T09:00:00Z
run add "Ryan's probe result replicates on the 70B model" 35% by 2026-09-30 '#interp' unless the eval changes
run forecast 1 80% --as ryan --reason "the 7B result was clean"
run bet 1 --with ryan --stake 20 --odds 4:1
now=2026-07-15T17:00:00Z
run resolve 1 yes --note "replicated on the full eval"
run bets
run vs me ryan

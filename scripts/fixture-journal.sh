#!/usr/bin/env bash
# Writes the small journal of Tests/CredenceCLITests/Fixtures/journals/ through a release's own
# commands, with a pinned clock: claims, forecasts with caveats and reasons, tags, a scenario
# set, a bet, an undone add, a resolution and an update.
#   bash scripts/fixture-journal.sh BINARY OUT.sqlite
# Each committed journal was made once by the release it is named after; they are never remade.
# (journal-v2.sqlite was made with the first claim's tag typed inline, `70% +work`, which
# version 1 does not know; `--tag work` stores the same claim.)
set -euo pipefail
bin="$1"; out="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TZ=Europe/London TERM=dumb COLUMNS=100
export CREDENCE_JOURNAL=$out
c() { local now="$1"; shift; CREDENCE_NOW="$now" "$bin" "$@"; }
c 2026-11-01T09:00:00Z add Ryan ships by friday 70% --tag work
c 2026-11-01T09:05:00Z add 'GPT-6 is released' --p 3:1 --by 2026-12-31 --tag ai --caveat 'assuming no compute crunch' --caveat 'unless the launch slips' --reason 'the usual cadence'
c 2026-11-02T10:00:00Z forecast 1 80% --as ryan --reason 'saw the branch'
c 2026-11-02T10:30:00Z forecast 2 'likely' --as ryan --caveat 'if the eval holds'
c 2026-11-03T08:00:00Z add 'How the transition goes' --option 'slow takeoff=60%' --option 'fast takeoff=25%' --option 'no AGI this decade=15%' --by 2030-12-31 --tag ai
c 2026-11-03T08:10:00Z forecast 3 --option 'slow takeoff=40%' --option 'fast takeoff=40%' --option 'no AGI this decade=20%' --as ryan
c 2026-11-04T12:00:00Z bet 2 --with ryan --stake 10 --odds 3:1 --side yes
c 2026-11-05T12:00:00Z add 'The office reopens' 1:3 by 2026-12-01
c 2026-11-05T12:01:00Z undo
c 2026-11-06T17:00:00Z resolve 1 yes --note 'shipped on Friday'
c 2026-11-07T09:00:00Z forecast 2 65% --reason 'slower than I thought'

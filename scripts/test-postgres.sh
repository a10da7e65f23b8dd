#!/usr/bin/env bash
# The whole test suite with the team-journal (PostgreSQL) tests on, against a throwaway cluster
# that is stopped and removed afterwards, as CI runs it. Arguments go to `swift test`
# (e.g. --filter Golden).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/credence-pg.XXXXXX)
trap 'bash scripts/postgres-cluster.sh stop "$dir"' EXIT
CREDENCE_TEST_POSTGRES=$(bash scripts/postgres-cluster.sh start "$dir")
export CREDENCE_TEST_POSTGRES
swift test "$@"

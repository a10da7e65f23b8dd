#!/usr/bin/env bash
# The check of docs/statistics.md §15 on the verdict, by simulation on the release build: the
# share of calibrated forecasters told they are miscalibrated (≤ 7%) and of overconfident ones caught (≥ 80%).
# FORECASTERS per row (default 1000); N the sample sizes (default 50,300,1000).
set -euo pipefail
cd "$(dirname "$0")/.."
export CREDENCE_VERDICT_FORECASTERS="${FORECASTERS:-1000}"
[ -n "${N:-}" ] && export CREDENCE_VERDICT_N="$N"
swift test -c release -Xswiftc -enable-testing --scratch-path .build-release-tests \
  --filter VerdictCalibrationTests 2>&1 | grep -E '^(Verdict calibration|\|)|✘|✔ Test run'

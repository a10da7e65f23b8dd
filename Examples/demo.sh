#!/usr/bin/env bash
# Sets up Credence on a fresh Debian machine with Swift and shows it working: installs the
# system libraries, builds the release binary, writes a demo journal of a year of resolved
# claims (yours and Ryan's), and prints it and its calibration report.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in libsqlite3-dev libreadline-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "Building the release binary (a few minutes the first time; swift build shows its progress)…"
swift build -c release --product credence
bin="$PWD/.build/release/credence"

export CREDENCE_JOURNAL="${CREDENCE_DEMO_JOURNAL:-$PWD/.demo/journal.sqlite}"
rm -f "$CREDENCE_JOURNAL" "$CREDENCE_JOURNAL-wal" "$CREDENCE_JOURNAL-shm"
export TZ=UTC NO_COLOR=1
at() { CREDENCE_NOW="$1" "$bin" "${@:2}" >/dev/null; }

# claim | my probability | Ryan's | outcome | month created | month resolved
claims=(
  "The probe result replicates on the 70B model|35%|80%|yes|01|03"
  "The team ships the eval harness by March|70%|60%|no|01|03"
  "Interest rates are cut in the spring|60%|40%|no|01|04"
  "The paper is accepted at the conference|55%|65%|yes|01|05"
  "Ryan's demo works first time|3:1|90%|no|02|02"
  "We hire a second researcher this quarter|40%|30%|no|02|04"
  "The new GPU cluster is online by April|80%|70%|yes|02|04"
  "Benchmark scores improve by 5 points|likely|65%|yes|02|05"
  "The grant is renewed|90%|85%|yes|02|06"
  "The open-source release gets 1000 stars in a month|25%|50%|no|03|05"
  "It rains on the team offsite|30%|40%|yes|03|06"
  "The tokenizer bug is fixed in a week|85%|70%|yes|03|03"
  "Quarterly numbers beat the forecast|50%|55%|yes|03|07"
  "The reviewer asks for more ablations|almost certain|90%|yes|04|06"
  "Latency drops below 100 ms|65%|45%|no|04|07"
  "The interpretability result holds on a second model|60%|75%|yes|04|08"
  "We move offices before summer|20%|10%|no|04|07"
  "The replication costs under 10k|75%|60%|no|05|08"
  "Two of three pilot users renew|70%|50%|yes|05|09"
  "The API is deprecated this year|15%|25%|no|05|10"
  "The workshop paper gets an oral|10%|20%|no|05|09"
  "The data pipeline rewrite lands in Q3|80%|60%|no|06|09"
  "The new model beats the baseline on held-out data|75%|70%|yes|06|09"
  "Compute prices fall by a fifth|40%|30%|yes|06|10"
  "The conference moves online|1 in 10|15%|no|07|10"
  "We publish the dataset|85%|80%|yes|07|10"
  "The intern project becomes a product feature|30%|20%|no|07|11"
  "Ryan finishes the survey by October|unlikely|60%|yes|08|10"
  "The second replication fails|25%|35%|no|08|11"
  "The launch slips past November|65%|50%|yes|08|11"
)

i=0
for line in "${claims[@]}"; do
  IFS='|' read -r text mine ryans outcome created resolved <<<"$line"
  i=$((i + 1))
  day=$(printf '%02d' $(( (i % 27) + 1 )))
  at "2026-$created-${day}T09:00:00Z" add "$text" --p "$mine" --by "2026-$resolved-28"
  at "2026-$created-${day}T15:30:00Z" forecast "$i" "$ryans" --as ryan
  at "2026-$resolved-28T18:00:00Z" resolve "$i" "$outcome"
done
at "2026-11-20T10:00:00Z" add "GPT-6 is released before the new year" --p 3:1 --by 2026-12-31 --tag ai
at "2026-11-21T10:00:00Z" add "The eval replicates on the next checkpoint" --p likely --by "2027-06-30" --tag interp

echo "Demo journal: $CREDENCE_JOURNAL"
echo
echo "\$ credence list --limit 8"
"$bin" list --limit 8
echo
echo "\$ credence show 1"
"$bin" show 1
if "$bin" report --help >/dev/null 2>&1; then
  echo
  # Your own record: one forecaster's final forecasts are what the verdict can judge.
  echo "\$ credence report"
  "$bin" report
fi
echo
echo "Next: put credence on your PATH and point it at the demo journal:"
echo "  install -m 755 .build/release/credence ~/.local/bin/"
echo "  export CREDENCE_JOURNAL=$CREDENCE_JOURNAL"
echo "  credence report --as all --by forecaster"

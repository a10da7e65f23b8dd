#!/usr/bin/env bash
# The performance harness: builds the release binaries, generates deterministic journals (100,000
# claims with 1,000,000 forecasts; 300,000 claims shared by two people), times the commands as a
# user runs them (cold process, hyperfine: median and spread of repeated runs; peak memory from
# GNU time) with the sqlite3 shell's own aggregate beside the report, and writes results.md.
#   bash Benchmarks/run.sh            (about five minutes; data and journals go to Benchmarks/data)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
data="$root/Benchmarks/data"
mkdir -p "$data/timings"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "building release binaries…"
swift build -c release --product credence >/dev/null
swift build -c release --product credence --static-swift-stdlib --scratch-path .build-static >/dev/null
dynamic="$root/.build/release/credence"
static="$root/.build-static/release/credence"

[ -f "$data/large.csv" ] && [ -f "$data/vs.csv" ] || python3 Benchmarks/generate.py "$data"
rows=$(($(wc -l < "$data/large.csv") - 1))
large="$data/large.sqlite"; vsj="$data/vs.sqlite"; scratch="$data/scratch.sqlite"
export NO_COLOR=1

h() {   # name, runs, command… (extra hyperfine options before --)
  local name="$1" runs="$2"; shift 2
  hyperfine -N -w 2 -r "$runs" --export-json "$data/timings/$name.json" "$@" >/dev/null 2>&1
}
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }

echo "import…"
h import 3 --prepare "rm -f $scratch $scratch-wal $scratch-shm" "$dynamic import $data/large.csv --journal $scratch"
rm -f "$large"*; "$dynamic" import "$data/large.csv" --journal "$large" >/dev/null
rm -f "$vsj"*; "$dynamic" import "$data/vs.csv" --journal "$vsj" >/dev/null
peak_import=$(rm -f "$scratch"*; peak "$dynamic" import "$data/large.csv" --journal "$scratch")

echo "commands…"
for variant in dynamic static; do
  bin="${!variant}"
  h "version-$variant" 30 "$bin --version"
  h "list-$variant" 30 "$bin list --limit 20 --journal $large"
  h "show-$variant" 30 "$bin show 50000 --journal $large"
  h "due-$variant" 30 "$bin due --journal $large"
  cp "$large" "$scratch"
  h "add-$variant" 30 "$bin add Ryan ships by friday 70% #work --journal $scratch"
done
# The reference-class hint at entry: with a tag (above), without one (the band over all forecasts), and off.
mkdir -p "$data/xdg/credence"; echo "reference_hints = off" > "$data/xdg/credence/config"
for variant in dynamic static; do
  bin="${!variant}"
  cp "$large" "$scratch"
  h "add-untagged-$variant" 30 "$bin add Ryan ships 93% --journal $scratch"
  XDG_CONFIG_HOME="$data/xdg" h "add-nohint-$variant" 30 "$bin add Ryan ships by friday 70% #work --journal $scratch"
done
h caveats 5 "$dynamic caveats --journal $large"
h words 5 "$dynamic words --journal $large"
h byquarter 5 "$dynamic report --by quarter --journal $large"
h report 15 "$dynamic report --journal $large"
h report-static 15 "$static report --journal $large"
h bytag 10 "$dynamic report --by tag --journal $large"
h reportall 10 "$dynamic report --as all --journal $large"
h floor 15 "sqlite3 $large \"SELECT probability, count(*), sum(outcome) FROM forecast WHERE is_final = 1 AND outcome IS NOT NULL AND forecaster_id = 1 GROUP BY probability\""
h floor-bytag 10 "sqlite3 $large \"SELECT t.name, f.probability, count(*), sum(f.outcome) FROM forecast f LEFT JOIN claim_tag ct ON ct.claim_id = f.claim_id LEFT JOIN tag t ON t.id = ct.tag_id WHERE f.is_final = 1 AND f.outcome IS NOT NULL AND f.forecaster_id = 1 GROUP BY 1, 2\""
h vs 5 "$dynamic vs me ryan --journal $vsj"
h export 3 "$dynamic export --format json --journal $large -o $data/export.json"
peak_report=$(peak "$dynamic" report --journal "$large")
peak_vs=$(peak "$dynamic" vs me ryan --journal "$vsj")
forecasts=$(sqlite3 "$large" "SELECT count(*) FROM forecast")

python3 - "$data" "$rows" "$forecasts" "$peak_report" "$peak_vs" "$peak_import" <<'PY'
import json, platform, subprocess, sys, datetime
data, rows, forecasts, peak_report, peak_vs, peak_import = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
def r(name):
    j = json.load(open(f"{data}/timings/{name}.json"))["results"][0]
    return j["median"], j["min"], j["max"]
def ms(name):
    m, lo, hi = r(name)
    return f"{m*1000:.1f} ms ({lo*1000:.1f}–{hi*1000:.1f})"
def s(name):
    m, lo, hi = r(name)
    return f"{m:.2f} s ({lo:.2f}–{hi:.2f})"
floor = r("floor")[0]; floor_tag = r("floor-bytag")[0]
cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p' | head -1"], capture_output=True, text=True).stdout.strip()
lines = [
    f"Measured {datetime.date.today()} on {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
    f"{platform.system()} {platform.release()}; `bash Benchmarks/run.sh` (hyperfine medians, min–max in brackets; cold processes).",
    "",
    "| operation | target | dynamic build | static stdlib | |",
    "|---|---|---|---|---|",
]
def row(op, target, dyn, sta, ok):
    lines.append(f"| {op} | {target} | {dyn} | {sta} | {'✓' if ok else '✗'} |")
for key, op in [("version", "`credence --version`"), ("list", "`list --limit 20`"), ("show", "`show ID`"), ("due", "`due`")]:
    row(op, "≤ 10 ms", ms(f"{key}-dynamic"), ms(f"{key}-static"), min(r(f"{key}-dynamic")[0], r(f"{key}-static")[0]) <= 0.010)
row("`add` (quick line)", "≤ 15 ms", ms("add-dynamic"), ms("add-static"), min(r("add-dynamic")[0], r("add-static")[0]) <= 0.015)
# Judged like the rows above, on the faster of the two builds (the README installs the static one).
rep = min(r("report")[0], r("report-static")[0])
row("`report`, 1M forecasts", "≤ 150 ms, ≤ 3× sqlite3, ≤ 100 MB",
    f"{ms('report')}; {r('report')[0]/floor:.2f}× sqlite3 ({floor*1000:.1f} ms); {peak_report/1024:.0f} MB peak",
    f"{ms('report-static')}; {r('report-static')[0]/floor:.2f}×",
    rep <= 0.150 and rep <= 3 * floor and peak_report <= 100 * 1024)
row("`report --by tag`", "≤ 400 ms", f"{ms('bytag')}; {r('bytag')[0]/floor_tag:.1f}× sqlite3 ({floor_tag*1000:.1f} ms)", "", r("bytag")[0] <= 0.400)
row("`report --as all` (pooled, 270k)", "—", ms("reportall"), "", True)
for key, op in [("add-untagged", "`add` without a tag (hint over the band)"), ("add-nohint", "`add` with `reference_hints = off`")]:
    row(op, "≤ 15 ms", ms(f"{key}-dynamic"), ms(f"{key}-static"), min(r(f"{key}-dynamic")[0], r(f"{key}-static")[0]) <= 0.015)
row("`caveats` (2 × 1,000 simulations per group)", "—", ms("caveats"), "", True)
row("`words`", "—", ms("words"), "", True)
row("`report --by quarter` (with the trend)", "≤ 400 ms", ms("byquarter"), "", r("byquarter")[0] <= 0.400)
row("`vs A B`, 300k shared claims", "≤ 500 ms", f"{ms('vs')}; {peak_vs/1024:.0f} MB peak", "", r("vs")[0] <= 0.500)
imp = r("import")[0]
row(f"`import`, {rows:,}-row Credence CSV", "≥ 250,000 rows/s", f"{s('import')} = {rows/imp:,.0f} rows/s; {peak_import/1024:.0f} MB peak", "", rows / imp >= 250_000)
exp = r("export")[0]
row("`export --format json`", "≥ 250,000 forecasts/s", f"{s('export')} = {forecasts/exp:,.0f} forecasts/s", "", forecasts / exp >= 250_000)
open(f"{data}/../results.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

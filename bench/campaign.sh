#!/usr/bin/env bash
# Campaign throughput: `hipecsafe campaign --generate N` end to end (generation, N lockstep scenarios on --parallel
# workers, per-scenario plots and hazard logs, JUnit/CSV/HTML), timed as a user runs it.
# Usage: bash bench/campaign.sh [N=1000] [PARALLEL=2]. Writes bench/results/campaign.md.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
parallel=${2:-2}
art=${ARTIFACTS:-/tmp/hipecsafe-bench-artifacts}
dotnet build src/HipecSafe.Cli -c Release --artifacts-path "$art" -nologo -v quiet >/dev/null
cli="$art/bin/HipecSafe.Cli/release/hipecsafe.dll"
out=$(mktemp -d)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
set +e
/usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" dotnet "$cli" campaign --generate "$n" --seed 1 --parallel "$parallel" --out "$out/campaign" >"$out/stdout.txt" 2>&1
status=$?
set -e
read -r wall user sys maxrss <"$out/time.txt"
summary=$(grep -E "scenarios passed in" "$out/stdout.txt" | tail -1 || true)
per=$(python3 -c "print(f'{$wall/$n:.3f}')")
cpu_per=$(python3 -c "print(f'{($user+$sys)/$n:.3f}')")
slowest=$(grep -Eo '\[[0-9.]+ s\]$' "$out/stdout.txt" | tr -d '[] s' | sort -g | tail -1 || echo "?")
# Time inside ScenarioRunner.Run (results.csv wall_s: simulation, fault injection, hazard-log read-back), summed over
# scenarios; what the workers spent beyond it went to per-scenario plots and the campaign reports.
runs=$(python3 -c "
import csv
rows = list(csv.DictReader(open('$out/campaign/results.csv')))
print(f\"{sum(float(r['wall_s'] or 0) for r in rows):.1f}\")" 2>/dev/null || echo "?")
outside=$(python3 -c "print(f'{$wall * $parallel - $runs:.1f}')" 2>/dev/null || echo "?")
mkdir -p bench/results
cat >bench/results/campaign.md <<MD
# Campaign throughput

Command: \`bash bench/campaign.sh $n $parallel\` (runs \`hipecsafe campaign --generate $n --seed 1 --parallel $parallel --out DIR\`, Release build)

Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr), .NET SDK $(dotnet --version), commit $(git rev-parse --short HEAD); load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg)

| scenarios | parallel | wall s | CPU s (user+sys) | wall / scenario s | CPU / scenario s | slowest scenario s | peak RSS MiB | exit |
|---|---|---|---|---|---|---|---|---|
| $n | $parallel | $wall | $(python3 -c "print(f'{$user+$sys:.1f}')") | $per | $cpu_per | $slowest | $(python3 -c "print(f'{$maxrss/1024:.0f}')") | $status |

CLI summary: $summary

Where the workers' time went: scenario runs (simulation, fault injection, hazard-log read-back; results.csv wall_s) $runs s summed over the $n scenarios; the rest of $parallel × $wall s, about $outside s, went to the per-scenario plots (ScottPlot PNG, drawn by the campaign command after each run), the reports and start-up.

Target: 1,000 scenarios in ≤ 120 s on 2 cores, i.e. ≤ 0.12 s wall per scenario.
MD
cat bench/results/campaign.md
rm -rf "$out"

#!/usr/bin/env bash
# Where the time of a lockstep procedure goes: samples one warm 'procedure' run with dotnet-trace (installed as a
# .NET tool from NuGet if missing) and prints inclusive time per part of the cycle. Usage: bash bench/profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${ARTIFACTS:-/tmp/hipecsafe-bench-artifacts}
tools=${TOOLS:-/tmp/hipecsafe-bench-tools}
if ! command -v dotnet-trace >/dev/null 2>&1 && [ ! -x "$tools/dotnet-trace" ]; then
  dotnet tool install dotnet-trace --tool-path "$tools" >/dev/null
fi
trace=$(command -v dotnet-trace || echo "$tools/dotnet-trace")
dotnet build bench/HipecSafe.Bench -c Release --artifacts-path "$out" -nologo -v quiet
work=$(mktemp -d)
HIPECSAFE_BENCH_RESULTS="$work" "$trace" collect --format speedscope -o "$work/procedure.nettrace" -- \
  dotnet "$out/bin/HipecSafe.Bench/release/HipecSafe.Bench.dll" procedure --runs 2 >/dev/null
python3 bench/tools/speedscope_breakdown.py "$work/procedure.speedscope.json"
echo "trace: $work/procedure.speedscope.json (speedscope format; analyse further with bench/tools/speedscope_breakdown.py)"

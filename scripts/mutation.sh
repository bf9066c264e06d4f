#!/usr/bin/env bash
# Mutation testing of the safety core with Stryker.NET (tool pinned in .config/dotnet-tools.json).
#
#   scripts/mutation.sh                 # every part below, one after the other
#   scripts/mutation.sh core-phases devices   # only the named parts
#
# Parts (the Core run is split so each part stays well under 40 minutes on a shared 2-core machine):
#   core-decisions   the cycle's decision units: ProcedureStep, SafetyGate, gate rules  (stryker-config.json)
#   core-phases      phase machine, health monitor, hazard-log chain/verifier/format   (stryker-config.json)
#   core-interlocks  interlock engine and rules, sensor validation                    (stryker-config.json)
#   core-alarms      alarm system                                                     (stryker-config.json)
#   core-control     control laws (PID, cascade, feed-forward, phase policy)          (stryker-config.json)
#   devices          Modbus RTU framing, reply decoding, CRC, register codec          (stryker-devices.json)
#   hil-bus          the rig's slave side: request framer and decoder                 (stryker-hil-bus.json)
#
# stryker-config.json lists the union of the Core parts (running it without -m mutates them all at once).
# Break threshold 80 %: a part below it makes Stryker exit non-zero, and so this script.
# Stryker builds the projects in place and swaps the DLLs in bin/: run it in a clone of its own, never in a
# working tree that others are building from. Concurrency 1 (stryker-*.json) leaves the second core to others;
# pass --concurrency 2 on a machine of your own. Reports: StrykerOutput/<part>/reports/ (html, json, cleartext log).
# Too slow for the 30-minute CI budget (see safety/mutation-report.md), so it is run by hand with this script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

declare -A globs=(
    [core-decisions]="**/Decisions/**/*.cs"
    [core-phases]="**/Phases/**/*.cs **/Health/**/*.cs **/HazardLog/HazardLogChain.cs **/HazardLog/HazardLogVerifier.cs **/HazardLog/HazardLogFormat.cs"
    [core-interlocks]="**/Interlocks/**/*.cs **/Sensors/Validation/**/*.cs"
    [core-alarms]="**/Alarms/**/*.cs"
    [core-control]="**/Control/**/*.cs"
)
order=(core-decisions core-phases core-interlocks core-alarms core-control devices hil-bus)

parts=()
extra=()
for arg in "$@"; do
    if [[ -n "${globs[$arg]:-}" || "$arg" == devices || "$arg" == hil-bus ]]; then parts+=("$arg"); else extra+=("$arg"); fi
done
if [[ ${#parts[@]} -eq 0 ]]; then parts=("${order[@]}"); fi

dotnet tool restore >/dev/null

status=0
for part in "${parts[@]}"; do
    started=$(date +%s)
    if [[ "$part" == devices ]]; then
        testdir=tests/HipecSafe.Devices.Tests config=stryker-devices.json mutate=()
    elif [[ "$part" == hil-bus ]]; then
        testdir=tests/HipecSafe.Hil.Bus.Tests config=stryker-hil-bus.json mutate=()
    else
        testdir=tests/HipecSafe.Core.Tests config=stryker-config.json mutate=()
        for g in ${globs[$part]}; do mutate+=(--mutate "$g"); done
    fi
    echo "== $part: $(date -u +%H:%M:%S) UTC"
    # Run from the test project folder: Stryker's project mode (from the root it would pick up the solution).
    (cd "$testdir" && dotnet stryker --config-file "$root/$config" --output "$root/StrykerOutput/$part" \
        "${mutate[@]}" "${extra[@]}") || status=$?
    echo "== $part: $(( $(date +%s) - started )) s, exit $status"
done
exit "$status"

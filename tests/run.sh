#!/usr/bin/env bash
# The project's test command (README, .ci/run): unit, actor, rig and end-to-end tests, then the trace check (writing
# the traceability matrix) and the committed scenario campaign; reports land in test-results/.
# On a fresh machine it installs the serial tools the end-to-end tests need (socat for pty pairs, mbpoll as the
# third-party Modbus master).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v mbpoll >/dev/null 2>&1 || need+=(mbpoll)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

dotnet build HipecSafe.sln -c Release -nologo -v quiet
log=$(mktemp)
set +e
# Everything but the real-time serial end-to-end tests, projects in parallel ...
dotnet test HipecSafe.sln -c Release --no-build -nologo --filter "FullyQualifiedName!~EndToEnd" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# ... then those alone, so their real-time serial timing does not compete with the rest for 2 cores.
dotnet test tests/HipecSafe.Hil.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~EndToEnd" 2>&1 | tee -a "$log"
e2e_status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && status=$e2e_status
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"

# The trace check, writing the traceability matrix where CI keeps its artifacts (test-results/, git-ignored).
trace_status=0
dotnet src/HipecSafe.Cli/bin/Release/net10.0/hipecsafe.dll trace --check --matrix test-results/trace || trace_status=$?

# The committed fault-injection campaign: every scenario's expectations (nominal runs: no false trip) must hold.
campaign_status=0
mkdir -p test-results
dotnet src/HipecSafe.Cli/bin/Release/net10.0/hipecsafe.dll campaign hil/scenarios --out test-results/campaign --parallel 2 \
  > test-results/campaign.log 2>&1 || campaign_status=$?
grep -E '^(FAIL|FAILED|  )|scenarios passed' test-results/campaign.log || true

echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$trace_status" -ne 0 ] || [ "$campaign_status" -ne 0 ]; then
  echo "FAILED (dotnet test exit $status, trace check exit $trace_status, campaign exit $campaign_status)"
  exit 1
fi

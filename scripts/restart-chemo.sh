#!/usr/bin/env bash
# Controller restart in ChemoPerfusion over the real serial path (outside CI: it takes a few minutes of real time).
#
#   scripts/restart-chemo.sh [SECONDS_OF_CHEMO_BEFORE_THE_KILL]   (default 20)
#
# Builds nothing: run `dotnet build HipecSafe.sln -c Release` first. Starts the emulated boards (warm start) and
# hipecsafe-device on a socat pty pair, drives the procedure to ChemoPerfusion from the operator console, kills the
# device with kill -9 after the given seconds of chemo, starts it again on the same configuration and log directory,
# shows the PROCEDURE-INTERRUPTED hold, resumes, lets the chemo run 10 s more, stops the device with SIGTERM and prints
# each log's verdict and the chemo clock of each run's last checkpoint. Exit 0 when the resumed run continued the chemo
# clock (its first chemo checkpoint is not earlier than the killed run's last), non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
chemo_before_kill=${1:-20}
cli=src/HipecSafe.Cli/bin/Release/net10.0/hipecsafe.dll
device=src/HipecSafe.Device/bin/Release/net10.0/linux-x64/hipecsafe-device.dll
for f in "$cli" "$device"; do [ -f "$f" ] || { echo "missing $f: dotnet build HipecSafe.sln -c Release" >&2; exit 2; }; done
command -v socat >/dev/null || { echo "socat is needed: apt-get install socat" >&2; exit 2; }

work=$(mktemp -d /tmp/hipecsafe-restart-chemo.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
echo "working in $work"

# start_line N: a socat pty pair (the serial line), the emulated boards on one end, the device's config on the other.
# socat's pty does not take the 8E1 parity again once a killed process has left it, so each run gets its own line and
# the boards are powered up again on it (the plant starts warm again).
start_line() {
  socat -d -d "pty,raw,echo=0,link=$work/ctl-$1" "pty,raw,echo=0,link=$work/brd-$1" 2>"$work/socat-$1.log" &
  socat_pid=$!
  pids+=($socat_pid)
  for _ in $(seq 50); do [ -e "$work/ctl-$1" ] && [ -e "$work/brd-$1" ] && break; sleep 0.1; done
  cat >"$work/device.yaml" <<YAML
device_id: restart-chemo
serial:
  port: $work/ctl-$1
profile: default
log_directory: $work/logs
YAML
  dotnet "$cli" hil boards --port "$work/brd-$1" --warm-start --seed 3 >"$work/boards-$1.log" 2>&1 &
  boards_pid=$!
  pids+=($boards_pid)
  until grep -q "boards answering on" "$work/boards-$1.log"; do sleep 0.2; done
}

start_line 1

# wait_for FILE TEXT SECONDS
wait_for() {
  local deadline=$((SECONDS + $3))
  until grep -qF "$2" "$1"; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; exit 1; }
    # A SafeState ends the script: it shows the cause (on a loaded machine, a real-time bus failure) and stops.
    if grep -q "→ SafeState" "$1"; then echo "SafeState while waiting for '$2':" >&2; grep -A1 "→ SafeState" "$1" >&2; exit 1; fi
    sleep 0.2
  done
}

# start_device N: hipecsafe-device with its console on a fifo (operator input), output in device-N.log
start_device() {
  mkfifo "$work/console-$1"
  dotnet "$device" --config "$work/device.yaml" <"$work/console-$1" >"$work/device-$1.log" 2>&1 &
  device_pid=$!
  pids+=($device_pid)
  exec {console}>"$work/console-$1"
}

start_device 1
wait_for "$work/device-1.log" "phase PowerOnSelfTest → Standby" 60
echo StartPriming >&$console
wait_for "$work/device-1.log" "phase Heating → ReadyForChemo" 900
sleep 11 # the probes settle; the operator checks for leaks
echo ConfirmLeakCheck >&$console
echo AddDrug >&$console
wait_for "$work/device-1.log" "phase ReadyForChemo → ChemoPerfusion" 60
sleep "$chemo_before_kill"
kill -9 "$device_pid"
wait "$device_pid" 2>/dev/null || echo "device 1 killed (exit $?)"
exec {console}>&-
kill "$boards_pid" "$socat_pid"
wait "$boards_pid" "$socat_pid" 2>/dev/null || true

start_line 2
start_device 2
# The restarted self-test may fail on the board's hold while the heater stopped hot keeps the limiter sensor above
# 44 °C (hazard-analysis OI-25): like the operator, reset and resume every 10 s until the hold is reached (5 min at most).
deadline=$((SECONDS + 300))
until grep -qF "Procedure interrupted at" "$work/device-2.log"; do
  [ $SECONDS -lt $deadline ] || { echo "the restarted device never reached the Interrupted hold" >&2; tail -20 "$work/device-2.log" >&2; exit 1; }
  if [ "$(grep -o 'phase [A-Za-z]* → [A-Za-z]*' "$work/device-2.log" | tail -1)" = "phase PowerOnSelfTest → SafeState" ] \
     || [ "$(grep -o 'phase [A-Za-z]* → [A-Za-z]*' "$work/device-2.log" | tail -1 | sed 's/.*→ //')" = "SafeState" ]; then
    echo Reset >&$console; sleep 2; echo Resume >&$console
  fi
  sleep 10
done
grep -F "Procedure interrupted at" "$work/device-2.log"
echo ResumeInterrupted >&$console
wait_for "$work/device-2.log" "phase Interrupted → ChemoPerfusion" 30
sleep 10
kill -TERM "$device_pid"
wait "$device_pid" || true
exec {console}>&-

status=0
# Chemo checkpoints: full ones in ChemoPerfusion and the compact ChemoClock records (written only in ChemoPerfusion).
last_chemo() { grep -E '"kind":"ChemoClock"|"kind":"ProcedureCheckpoint".*"phase":"ChemoPerfusion"' "$1" | sed -n "$2" | sed -E 's/.*"chemoElapsed":"([^"]*)".*/\1/'; }
logs=("$work"/logs/hazard-*.jsonl)
for log in "${logs[@]}"; do
  echo "== $(basename "$log")"
  dotnet "$cli" log verify "$log" || true
done
killed_last=$(last_chemo "${logs[0]}" '$p')
resumed_first=$(last_chemo "${logs[1]}" '1p')
resumed_last=$(last_chemo "${logs[1]}" '$p')
echo "killed run: last chemo checkpoint $killed_last"
echo "resumed run: chemo checkpoints from $resumed_first to $resumed_last"
if [[ -z "$resumed_first" || "$resumed_first" < "$killed_last" ]]; then
  echo "FAIL: the resumed run did not continue the chemo clock" >&2
  status=1
fi
exit $status

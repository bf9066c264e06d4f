#!/usr/bin/env python3
"""Where the time of one thread goes in a dotnet-trace speedscope file (evented profile).

usage: speedscope_breakdown.py TRACE.speedscope.json [FRAME-SUBSTRING ...]

Prints the inclusive time of every frame whose name contains one of the given substrings (default: the parts of
a lockstep cycle), as milliseconds and as a share of the thread's time inside SimulationRig.Step. Inclusive means
the time the frame was anywhere on the stack, counted once per sample even when it recurses, so nested frames
(Modbus inside BoardBusActor) are parts of their callers, not additions to them.
"""
import collections
import json
import sys

DEFAULT = [
    "SimulationRig.Step()",
    "PerfusionPlant.Step",
    "SensorBoardModel.Sample",
    "ActuatorBoardEmulator.Step",
    "ControllerRuntime.Step",
    "WatchdogActor.OnTick",
    "BoardBusActor.OnStart",
    "BoardBusActor.OnWrite",
    "ModbusRtuMaster.Execute",
    "InterlockActor.OnSample",
    "SafetyGate.Decide",
    "InterlockEngine.Evaluate",
    "ControlLoopActor",
    "ProcedureStep.Step",
    "ControlLaw.Step",
    "AlarmActor",
    "HazardLogActor",
    "HealthMonitor",
    "LockstepMonitor",
    "Mailbox.Run",
    "Thread.<PollGC>",
    "GC",
]


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    wanted = sys.argv[2:] or DEFAULT
    frames = [fr["name"] for fr in data["shared"]["frames"]]
    # The busiest thread is the driver thread (lockstep runs every actor on it).
    profile = max(data["profiles"], key=lambda p: sum(1 for e in p["events"] if "SimulationRig.Step" in frames[e["frame"]]))
    inclusive = collections.Counter()
    stack = []
    last = profile["startValue"]
    for event in profile["events"]:
        now = event["at"]
        if stack:
            names = set(stack)
            for w in wanted:
                if any(w in n for n in names):
                    inclusive[w] += now - last
        last = now
        if event["type"] == "O":
            stack.append(frames[event["frame"]])
        else:
            stack.pop()
    base = inclusive.get("SimulationRig.Step()", 0) or 1
    print(f"{'frame (substring)':45} {'ms':>10} {'% of SimulationRig.Step':>24}")
    for w in wanted:
        print(f"{w:45} {inclusive.get(w, 0):10.1f} {100 * inclusive.get(w, 0) / base:23.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

namespace HipecSafe.Controller.Topology;

// The components' outgoing ports: each component's interface to the rest of the controller. ControllerTopology
// connects them; nothing else hands out actor references.

/// <summary>
/// Watchdog: starts each cycle at the bus, pings every watched component, logs failures and tells the alarms of them
/// directly (not through the gate or the bus), reports round progress.
/// </summary>
internal sealed record WatchdogPorts(OutputPort Bus, IReadOnlyList<(string Component, OutputPort Port)> Watched, OutputPort Log, OutputPort Listener, OutputPort Alarms);

/// <summary>Board bus: the readout to the gate and the control lane, the written cycle to the alarms, cycle starts to the listener.</summary>
internal sealed record BoardBusPorts(OutputPort Gate, OutputPort ControlLoop, OutputPort Alarms, OutputPort Log, OutputPort Listener);

/// <summary>Control loop: the desired command to the gate, a health reset to the watchdog after an operator reset.</summary>
internal sealed record ControlLoopPorts(OutputPort Gate, OutputPort Watchdog, OutputPort Log);

/// <summary>Interlocks (the safety gate): the constrained command to the bus, the verdict back to the control lane.</summary>
internal sealed record InterlockPorts(OutputPort Bus, OutputPort ControlLoop, OutputPort Log);

/// <summary>Alarms: alarm events to the log, the finished cycle report (or an annunciation outside the cycle) to the listener.</summary>
internal sealed record AlarmPorts(OutputPort Log, OutputPort Listener);

/// <summary>Hazard log: storage health changes to the control lane (which raises the alarm).</summary>
internal sealed record HazardLogPorts(OutputPort ControlLoop);

/// <summary>Root (supervisor of all): crash notices to both decision units, crash handled to the listener.</summary>
internal sealed record RootPorts(OutputPort ControlLoop, OutputPort Gate, OutputPort Listener);

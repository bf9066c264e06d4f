using HipecSafe.Core.Actuators;

namespace HipecSafe.Core.Control;

/// <summary>The control law's desired actuator command (before interlocks constrain it) and how it got there.</summary>
public sealed record ControlOutput(ActuatorCommand Command, ControlDiagnostics Diagnostics);

using HipecSafe.Core.Actuators;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>One actuator write as the board saw it, stamped with the cycle the driver said was running.</summary>
internal sealed record BoardWrite(long Cycle, ActuatorCommand Command, ushort Heartbeat);

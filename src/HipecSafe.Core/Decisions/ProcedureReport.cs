using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Decisions;

/// <summary>
/// What the control lane reports of one cycle: phase, chemo time, latched causes, the inflow set-point it worked to,
/// and its alarm conditions (the safe state itself, technical alarms such as a crashed component). The gate adds its
/// trips' conditions before the alarm system sees them.
/// </summary>
/// <param name="ClockHeld">Why the current phase's clock does not run this cycle (SRS-PH-022); null while it runs.</param>
public sealed record ProcedureReport(
    Phase Phase,
    TimeSpan ChemoElapsed,
    IReadOnlyList<string> LatchedCauses,
    double? InflowSetpointC,
    IReadOnlyList<AlarmCondition> Conditions,
    string? ClockHeld = null)
{
    public static ProcedureReport PowerOn { get; } = new(Phase.PowerOnSelfTest, TimeSpan.Zero, [], null, []);
}

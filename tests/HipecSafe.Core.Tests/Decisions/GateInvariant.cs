using FsCheck;
using FsCheck.Fluent;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// What must hold of every verdict, from requirements/gate.yaml and SRS-IL-043, given what the caller knows of the cycle
/// independently of the gate: whether a readout and this cycle's desired command reached it, the context the control
/// lane last sent, whether crashes are latched (reported since the last accepted reset request), the watchdog's round.
/// </summary>
internal static class GateInvariant
{
    /// <summary>One count of pump_speed_cmd (docs/icd.md §6.1): a slower command reaches the board as a stopped pump.</summary>
    private const double OneCountRpm = 0.1;

    /// <summary>Holds when <paramref name="firstViolation"/> finds no broken rule in any of the scripts; else names the first.</summary>
    public static Property NoViolation<T>(Arbitrary<T[]> scripts, Func<T[], string?> firstViolation) =>
        Prop.ForAll(scripts, script =>
        {
            var violation = firstViolation(script);
            return (violation is null).Label(violation ?? $"{script.Length} cycles");
        });

    /// <param name="hasReadout">The gate got a readout this cycle.</param>
    /// <param name="desired">This cycle's desired command if it arrived on time, else null.</param>
    /// <param name="context">The context of the last desired command that arrived on time.</param>
    /// <param name="crashLatched">A crash was reported since the last reset request that arrived on time.</param>
    /// <returns>The first broken rule, or null.</returns>
    public static string? Violation(GateVerdict verdict, GateOutcome outcome, bool hasReadout, DesiredCommand? desired,
        ProcedureContext context, bool crashLatched, HealthStatus health)
    {
        var c = verdict.Command;
        var heaterOn = c.HeaterEnabled || c.HeaterPowerPermille > 0;
        var safeStateTrip = verdict.ActiveTrips.Any(t => t.Response.HasFlag(InterlockResponse.EnterSafeState));
        var safeCause = !hasReadout ? "no readout (SRS-GT-001)"
            : health.Failed.Count > 0 ? "a failed component (SRS-GT-002)"
            : crashLatched ? "a latched crash (SRS-GT-003)"
            : safeStateTrip ? "a safe-state trip (SRS-GT-004)"
            : context.IsProtective ? $"the protective phase {context.Phase} (SRS-GT-005)"
            : null;
        if (safeCause is not null && c != ActuatorCommand.Safe)
        {
            return $"{c} is not the safe command despite {safeCause}";
        }

        foreach (var trip in verdict.ActiveTrips)
        {
            if ((trip.Response.HasFlag(InterlockResponse.HeaterOff) && heaterOn)
                || (trip.Response.HasFlag(InterlockResponse.PumpStop) && c.PumpSpeedRpm != 0)
                || (trip.Response.HasFlag(InterlockResponse.ClampClose) && c.ClampOpen))
            {
                return $"{c} loosens the response {trip.Response} of active trip {trip.RuleId} (SRS-IL-043)";
            }
        }

        return heaterOn && desired is null ? $"{c} heats without this cycle's desired command (SRS-GT-007)"
            : heaterOn && !health.RoundPassed ? $"{c} heats after a missed health round (SRS-GT-008)"
            : verdict.HeartbeatPermitted && !health.RoundPassed ? "heartbeat advanced after a missed health round (SRS-GT-008)"
            : verdict.HeartbeatPermitted && health.Failed.Count > 0 ? "heartbeat advanced with a failed component (SRS-GT-002)"
            : verdict.HeartbeatPermitted && context.Phase == Phase.EmergencyStop ? "heartbeat advanced in EmergencyStop (SRS-GT-006)"
            : heaterOn && outcome.Evaluation is { Inflow.IsAvailable: false } ? $"{c} heats without a trusted inflow (SRS-GT-009)"
            : c.PumpSpeedRpm > 0 && !c.ClampOpen ? $"{c} runs the pump against a closed clamp (SRS-GT-010)"
            : heaterOn && !(c.PumpSpeedRpm >= OneCountRpm) ? $"{c} heats with the pump stopped (SRS-GT-011)"
            : verdict.ReleaseBoardLatch && c.HeaterEnabled ? $"latch release written with {c} (SRS-GT-012)"
            : verdict.ReleaseBoardLatch && desired?.ReleaseBoardLatch != true ? "latch release written unasked"
            : null;
    }
}

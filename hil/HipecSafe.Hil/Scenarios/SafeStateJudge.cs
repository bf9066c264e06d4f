using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Plant;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// What the judge saw at one instant: whether the heater is physically off, which latching protection (if any) holds
/// it off, the heater power the plant still receives, and whether the pump turns.
/// </summary>
public readonly record struct SafeStateObservation(bool HeaterOff, string? Protection, double HeaterDeliveredW, bool PumpRunning)
{
    /// <summary>Safe: heater physically off and held off by a latching protection.</summary>
    public bool IsSafe => HeaterOff && Protection is not null;

    /// <summary>A protection has latched but the heater still gets power (a welded relay): the controller thinks it is safe, physics disagrees.</summary>
    public bool ProtectedButHeating => !HeaterOff && Protection is not null;
}

/// <summary>
/// Decides from physical truth whether the device is in a safe state, the moment <c>expect.safe_state</c> and
/// <c>within</c> measure. Safe means both:
/// <list type="number">
/// <item>the heater is physically off — the actuator board drives its relay open with power 0 <b>and</b> the plant
/// receives no heater power (a welded relay or a stuck driver behind a closed contact is not safe, whatever the
/// controller believes);</item>
/// <item>a latching protection holds it off — the controller is in SafeState or EmergencyStop, an interlock whose
/// response switches the heater off is active (e.g. IL-CORE-HIGH or IL-OCCLUSION, which keep the phase: "pump per
/// hazard"), or the board latched itself (power-on hold, watchdog latch or limiter trip).</item>
/// </list>
/// The control law merely asking for 0 ‰ is not a safe state: nothing would stop it asking for power again.
/// </summary>
public sealed class SafeStateJudge
{
    private readonly HashSet<string> _heaterOffRules;

    public SafeStateJudge(TreatmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _heaterOffRules = InterlockRuleSet.Standard(profile.Limits)
            .Where(r => r.Response.HasFlag(InterlockResponse.HeaterOff))
            .Select(r => r.Id)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="report">The controller's latest cycle report (the last completed one while a cycle is stalled).</param>
    public SafeStateObservation Judge(ActuatorBoardLogic board, in PlantState truth, CycleReport? report)
    {
        ArgumentNullException.ThrowIfNull(board);
        var pumpRunning = truth.PumpSpeedRpm > 0;
        var outputs = board.Outputs();
        var heaterOff = !outputs.HeaterRelayClosed && outputs.HeaterPowerPermille == 0 && truth.HeaterPowerDelivered.Watts <= 0;
        var protection = report?.Phase is Phase.SafeState or Phase.EmergencyStop ? $"controller {report.Phase}"
            : board.SafeLatched ? (board.PowerOnHold ? "board power-on hold" : "board watchdog latch")
            : board.LimiterTripped ? "board limiter trip"
            : report?.ActiveTrips.FirstOrDefault(_heaterOffRules.Contains) is { } rule ? $"{rule} active in {report.Phase}"
            : null;
        return new SafeStateObservation(heaterOff, protection, truth.HeaterPowerDelivered.Watts, pumpRunning);
    }
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// The inflow clamp's position switch (board_status bit4) against the clamp command the board holds, for
/// <see cref="InterlockTimings.ClampFeedbackPersistence"/>, in every phase. Each direction has its own hazard and
/// response. Unknown when the feedback or the held command was not read back this cycle.
/// </summary>
public sealed class ClampPositionRule : InterlockRule
{
    private readonly bool _heldOpen;

    private ClampPositionRule(string id, string title, string hazardId, string requirementId, bool heldOpen, string condition)
        : base(id, title, hazardId, requirementId, AlarmPriority.High, InterlockResponse.HeaterOff | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset, InterlockTimings.ClampFeedbackPersistence, InterlockPhases.All, condition)
    {
        _heldOpen = heldOpen;
    }

    /// <summary>
    /// IL-CLAMP-NOT-OPEN: the board holds the clamp open with the pump running, but the switch reads closed: the pump
    /// runs against a closed clamp (HAZ-004: line pressure passes 300 mmHg in ≈ 0.5 s, tubing may burst) and nothing
    /// reaches the patient. Pump stop, heater off (no heating without flow), latched — the same response as
    /// IL-OCCLUSION, without waiting for the pressure.
    /// </summary>
    public static ClampPositionRule NotOpen() => new(
        "IL-CLAMP-NOT-OPEN", "Inflow clamp does not open", Hazards.Occlusion, "SRS-IL-054", heldOpen: true,
        "held inflow_clamp_cmd = open, held pump_speed_cmd > 0 and board_status bit4 (clamp open) clear");

    /// <summary>
    /// IL-CLAMP-NOT-CLOSED: the board holds the clamp closed, but the switch reads open: the clamp isolates nothing, so
    /// air in the line (IL-AIR) or a safe state's isolation of the patient is not held by it (HAZ-005). Pump stop so
    /// nothing is pushed through the open line, heater off; latched, so the team closes the line by hand before the
    /// pump may run again.
    /// </summary>
    public static ClampPositionRule NotClosed() => new(
        "IL-CLAMP-NOT-CLOSED", "Inflow clamp does not close", Hazards.AirInLine, "SRS-IL-055", heldOpen: false,
        "held inflow_clamp_cmd = closed and board_status bit4 (clamp open) set");

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RuleReadings.BoardAndHeld(context, out var reason) is not var (feedback, held))
        {
            return RuleCheck.Unknown(reason);
        }

        var switchOpen = feedback.Has(BoardStatus.ClampOpen);
        var contradicts = _heldOpen
            ? held.ClampOpen && held.PumpSpeedRpm > 0 && !switchOpen
            : !held.ClampOpen && switchOpen;
        return RuleCheck.Compare(contradicts,
            new DeferredMeasurement(_heldOpen ? "clamp closed while held open with the pump on" : "clamp open while held closed",
                contradicts ? 1 : 0, "", "=", 1));
    }
}

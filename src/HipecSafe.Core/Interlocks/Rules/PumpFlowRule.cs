using System.Globalization;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// The flow meter against what the roller pump delivers: pump_speed_actual (tachometer) × the tubing set's displacement
/// (profile, 5–100 mL/rev). A roller pump is a positive-displacement pump: slip, back-leak and wear only make it deliver
/// less than speed × displacement, never more. Armed like IL-FLOW-DEVIATION: the board holds a pump command in a pumping
/// phase, <see cref="InterlockTimings.FlowSettleTime"/> after the phase or pump start. Without a valid flow reading, or with
/// the rotor at rest (IL-PUMP-NOT-RUNNING's), the comparison cannot be made: Unknown.
/// </summary>
public sealed class PumpFlowRule : InterlockRule
{
    /// <summary>
    /// What a healthy meter and pump may disagree by, in % of the pump's delivery: the flow meter's accuracy (±5 %,
    /// clinical figure), the tubing set's displacement tolerance (±5 % assumed: an inner diameter within ±2.5 %, and
    /// displacement goes with its square) and 5 % for the tachometer and the rollers' back-leak at line pressure (under
    /// 1 % at 2 L/min in the rig). Nominal runs stay within 1.6 % after the settle time (seeds 1–3).
    /// </summary>
    public const double MismatchPercent = 15;

    /// <summary>
    /// A meter reading this far above the pump's delivery reads high (or the profile's displacement is wrong): beyond
    /// every tolerance of <see cref="MismatchPercent"/>, in the one direction a roller pump cannot explain. The true flow
    /// is then at most 1/1.25 = 80 % of what control sees — further off than the 20 % the flow deviation alarm may ever be
    /// set to tolerate (HardBounds.FlowDeviationMaxPercent) — and control's own heater cut-out below 0.3 L/min (SRS-CT-015)
    /// is fed by the wrong meter.
    /// </summary>
    public const double MeterHighPercent = 25;

    private readonly double _percent;
    private readonly bool _bothWays;
    private readonly double _mlPerRev;
    private readonly TimeSpan _settle;

    private PumpFlowRule(string id, string title, string requirementId, AlarmPriority priority, InterlockResponse response, ClearCondition clear,
        double percent, bool bothWays, AlarmLimits limits, string condition)
        : base(id, title, Hazards.InadequateFlow, requirementId, priority, response, clear, InterlockTimings.FlowPlausibilityPersistence,
            InterlockPhases.Pumping, condition)
    {
        _percent = percent;
        _bothWays = bothWays;
        _mlPerRev = limits.TubingMillilitersPerRevolution;
        _settle = DurationTicks.ToTimeSpan(InterlockTimings.FlowSettleTime);
        _describeDetail = DescribeDetail;
    }

    // Made once: the measurement's detail is formatted from the context only when the engine shows it.
    private readonly Func<InterlockContext, string?> _describeDetail;

    /// <summary>
    /// IL-FLOW-PUMP-MISMATCH: |flow − pump delivery| > <see cref="MismatchPercent"/> % of the pump's delivery for 10 s: the
    /// meter or the pump (worn tubing, a pump delivering ≤ 75 % that the flow loop's trim hides from IL-FLOW-DEVIATION)
    /// is wrong. Medium, alarm only, like the flow deviation it backs up; clears at 2 points inside the limit (OI-21).
    /// </summary>
    public static PumpFlowRule Mismatch(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new("IL-FLOW-PUMP-MISMATCH", "Flow meter and pump disagree", "SRS-IL-050", AlarmPriority.Medium, InterlockResponse.None,
            ClearCondition.WhenConditionClears, MismatchPercent, bothWays: true, limits,
            Invariant($"|flow − pump_speed_actual × {limits.TubingMillilitersPerRevolution:0.###} mL/rev| > {MismatchPercent:0} % of the pump's delivery, pump held on, {InterlockTimings.FlowSettleTime} after phase/pump start; clears at ≤ {MismatchPercent - ClearMargins.FlowPercent:0} %"));
    }

    /// <summary>
    /// IL-FLOW-METER-HIGH: flow more than <see cref="MeterHighPercent"/> % above the pump's delivery for 10 s: the meter
    /// reads high, so the perfusion is lower than shown (a meter 40 % high hid under-perfusion for 26 min) and heat
    /// concentrates at the inflow. Heater off, high, latched; circulation goes on (the pump itself turns). The low
    /// direction needs no trip: control and IL-FLOW-DEVIATION already act on the lower reading.
    /// </summary>
    public static PumpFlowRule MeterHigh(AlarmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new("IL-FLOW-METER-HIGH", "Flow meter reads above the pump's delivery", "SRS-IL-051", AlarmPriority.High, InterlockResponse.HeaterOff,
            ClearCondition.OperatorReset, MeterHighPercent, bothWays: false, limits,
            Invariant($"flow − pump_speed_actual × {limits.TubingMillilitersPerRevolution:0.###} mL/rev > {MeterHighPercent:0} % of the pump's delivery, pump held on, {InterlockTimings.FlowSettleTime} after phase/pump start"));
    }

    public override bool AppliesTo(InterlockContext context)
    {
        if (!base.AppliesTo(context))
        {
            return false;
        }

        var input = context.Input;
        var settlingSince = input.PumpStartedAt is { } pump && pump > input.PhaseStartedAt ? pump : input.PhaseStartedAt;
        return input.LastCommand.PumpSpeedRpm > 0 && input.Now - settlingSince >= _settle;
    }

    public override RuleCheck Check(InterlockContext context) => Check(context, tripActive: false);

    public override RuleCheck Check(InterlockContext context, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.Actuators is not { } feedback)
        {
            return RuleCheck.Unknown(RuleReadings.NoFeedback);
        }

        if (RuleReadings.Measured(context, SensorChannel.Flow, out var reason) is not { } flow)
        {
            return RuleCheck.Unknown(reason);
        }

        var delivery = feedback.PumpSpeedActualRpm * _mlPerRev;
        if (!(delivery > 0))
        {
            return RuleCheck.Unknown("the pump's rotor is at rest (pump_speed_actual 0): nothing to compare");
        }

        var percent = Math.Round((flow - delivery) / delivery * 100.0, 1);
        var limit = _bothWays && tripActive ? _percent - ClearMargins.FlowPercent : _percent;
        var judged = _bothWays ? Math.Abs(percent) : percent;
        return RuleCheck.Compare(judged > limit,
            new DeferredMeasurement(_bothWays ? "|flow − pump delivery|" : "flow above pump delivery", judged, "%", ">", limit, context, _describeDetail));
    }

    /// <summary>The readings the check compared, from the same context.</summary>
    private string? DescribeDetail(InterlockContext context)
    {
        if (context.Input.Actuators is not { } feedback || RuleReadings.Measured(context, SensorChannel.Flow, out _) is not { } flow)
        {
            return null;
        }

        var delivery = feedback.PumpSpeedActualRpm * _mlPerRev;
        return Invariant($"{VolumetricFlow.FromMillilitersPerMinute(flow)} metered, {VolumetricFlow.FromMillilitersPerMinute(delivery)} = {feedback.PumpSpeedActualRpm:0.0} rpm × {_mlPerRev:0.###} mL/rev");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

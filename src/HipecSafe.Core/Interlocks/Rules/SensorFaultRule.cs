using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// A group of channels that some protective rule depends on has too many broken channels (board fault bit, out of
/// physical range, or — temperatures — moving faster than fluid can), debounced by two cycles. A broken channel
/// must never pass silently: either the remaining channels still protect (medium alarm: redundancy lost) or they do
/// not (high: the device takes the action the lost protection would have taken). A stale sample is not counted
/// here; IL-SAMPLE-STALE owns that.
/// </summary>
public sealed class SensorFaultRule : InterlockRule
{
    private static readonly SensorChannel[] InflowProbes = [SensorChannel.InflowA, SensorChannel.InflowB];
    private static readonly SensorChannel[] AbdominalProbes =
        [SensorChannel.Abdomen1, SensorChannel.Abdomen2, SensorChannel.Abdomen3, SensorChannel.Abdomen4];

    private readonly IReadOnlyList<SensorChannel> _channels;
    private readonly int _minimumFaulted;
    private readonly string _group;
    private readonly string _quantity;

    private SensorFaultRule(
        string id, string title, string hazardId, string requirementId, AlarmPriority priority, InterlockResponse response,
        ClearCondition clear, IReadOnlySet<Phase> phases, IReadOnlyList<SensorChannel> channels, int minimumFaulted, string group)
        : base(id, title, hazardId, requirementId, priority, response, clear, InterlockTimings.SensorFaultDebounce, phases,
            channels.Count == 1 ? $"{group} faulted" : $"≥ {minimumFaulted} of {channels.Count} {group} faulted")
    {
        _channels = channels;
        _minimumFaulted = minimumFaulted;
        _group = group;
        _quantity = $"faulted {group}";
    }

    /// <summary>IL-INFLOW-PROBES-LOST: both inflow probes broken: the inflow temperature is unknown. SafeState, pump stopped.</summary>
    public static SensorFaultRule InflowProbesLost() => new(
        "IL-INFLOW-PROBES-LOST", "Both inflow probes failed", Hazards.TemperatureSensorFault, "SRS-IL-011", AlarmPriority.High,
        InterlockResponse.SafeState | InterlockResponse.PumpStop, ClearCondition.OperatorReset, InterlockPhases.PatientConnected,
        InflowProbes, 2, "inflow probes");

    /// <summary>IL-INFLOW-PROBE-FAULT: one inflow probe broken; control continues on the other. Medium: redundancy lost.</summary>
    public static SensorFaultRule InflowProbeFault() => new(
        "IL-INFLOW-PROBE-FAULT", "Inflow probe failed", Hazards.TemperatureSensorFault, "SRS-IL-012", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.PatientConnected,
        InflowProbes, 1, "inflow probes");

    /// <summary>
    /// IL-ABDOMEN-PROBES-LOST: fewer than <see cref="AbdominalSelection.MinimumValidProbes"/> abdominal probes valid:
    /// half the cavity is unwatched. Heater off; circulation continues, because unheated perfusate cools the abdomen
    /// and the inflow probes still watch what enters it.
    /// </summary>
    public static SensorFaultRule AbdomenProbesLost() => new(
        "IL-ABDOMEN-PROBES-LOST", "Too few abdominal probes", Hazards.TemperatureSensorFault, "SRS-IL-014", AlarmPriority.High,
        InterlockResponse.HeaterOff, ClearCondition.OperatorReset, InterlockPhases.PatientConnected,
        AbdominalProbes, SensorFrame.AbdominalProbeCount - AbdominalSelection.MinimumValidProbes + 1, "abdominal probes");

    /// <summary>IL-ABDOMEN-PROBE-FAULT: an abdominal probe broken; three still cover the cavity. Medium.</summary>
    public static SensorFaultRule AbdomenProbeFault() => new(
        "IL-ABDOMEN-PROBE-FAULT", "Abdominal probe failed", Hazards.TemperatureSensorFault, "SRS-IL-015", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.PatientConnected,
        AbdominalProbes, 1, "abdominal probes");

    /// <summary>
    /// IL-CORE-PROBE-FAULT: core probe broken: IL-CORE-WARNING/-HIGH are blind. Medium: core temperature is a slow
    /// patient parameter that the anaesthetist can take from the patient monitor; it does not steer the heater.
    /// </summary>
    public static SensorFaultRule CoreProbeFault() => new(
        "IL-CORE-PROBE-FAULT", "Core probe failed", Hazards.TemperatureSensorFault, "SRS-IL-016", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.PatientConnected,
        [SensorChannel.Core], 1, "core probe");

    /// <summary>IL-PRESSURE-SENSOR-FAULT: line pressure broken: IL-OCCLUSION is blind, and an occlusion can burst tubing in seconds.</summary>
    public static SensorFaultRule PressureSensorFault() => new(
        "IL-PRESSURE-SENSOR-FAULT", "Line pressure sensor failed", Hazards.Occlusion, "SRS-IL-018", AlarmPriority.High,
        InterlockResponse.HeaterOff | InterlockResponse.PumpStop, ClearCondition.OperatorReset, InterlockPhases.PatientConnected,
        [SensorChannel.InflowPressure], 1, "line pressure sensor");

    /// <summary>IL-AIR-SENSOR-FAULT: air detector broken while the line must be air-free: IL-AIR is blind. Same response as IL-AIR.</summary>
    public static SensorFaultRule AirSensorFault() => new(
        "IL-AIR-SENSOR-FAULT", "Air detector failed", Hazards.AirInLine, "SRS-IL-020", AlarmPriority.High,
        InterlockResponse.HeaterOff | InterlockResponse.PumpStop | InterlockResponse.ClampClose, ClearCondition.OperatorReset,
        InterlockPhases.AirFreeCirculation, [SensorChannel.AirDetected], 1, "air detector");

    /// <summary>
    /// IL-RESERVOIR-SENSOR-FAULT: reservoir level broken. Medium: the consequence of running dry — air entering the
    /// line — is still caught by the air detector (IL-AIR), so a second protection remains.
    /// </summary>
    public static SensorFaultRule ReservoirSensorFault() => new(
        "IL-RESERVOIR-SENSOR-FAULT", "Reservoir level sensor failed", Hazards.ReservoirDepletion, "SRS-IL-024", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.Circulating,
        [SensorChannel.ReservoirVolume], 1, "reservoir level sensor");

    /// <summary>IL-FLOW-SENSOR-FAULT: flow meter broken: IL-FLOW-DEVIATION is blind. Medium, like the rule it replaces.</summary>
    public static SensorFaultRule FlowSensorFault() => new(
        "IL-FLOW-SENSOR-FAULT", "Flow meter failed", Hazards.InadequateFlow, "SRS-IL-026", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.Circulating,
        [SensorChannel.Flow], 1, "flow meter");

    /// <summary>
    /// IL-OUTFLOW-PROBE-FAULT: outflow probe broken (dropout, out of range, a spike faster than fluid can move). Control
    /// only drops its feed-forward (SRS-CT-008), but IL-HEATUP-STALLED measures the heater's rise against it, and a
    /// broken channel must never pass silently (hazard analysis OI-05). Medium.
    /// </summary>
    public static SensorFaultRule OutflowProbeFault() => new(
        "IL-OUTFLOW-PROBE-FAULT", "Outflow probe failed", Hazards.TemperatureSensorFault, "SRS-IL-060", AlarmPriority.Medium,
        InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.PatientConnected,
        [SensorChannel.Outflow], 1, "outflow probe");

    /// <summary>
    /// IL-ABDOMEN-PRESSURE-SENSOR-FAULT: intra-abdominal pressure broken: IL-ABDOMEN-PRESSURE-HIGH is blind. Medium: an
    /// overfilled abdomen builds up over tens of seconds at the prescribed flow, visibly (closed technique), and the
    /// drains still limit the fill.
    /// </summary>
    public static SensorFaultRule AbdominalPressureSensorFault() => new(
        "IL-ABDOMEN-PRESSURE-SENSOR-FAULT", "Abdominal pressure sensor failed", Hazards.AbdominalOverpressure, "SRS-IL-062",
        AlarmPriority.Medium, InterlockResponse.None, ClearCondition.WhenConditionClears, InterlockPhases.PatientConnected,
        [SensorChannel.AbdominalPressure], 1, "abdominal pressure sensor");

    public IReadOnlyList<SensorChannel> Channels => _channels;

    /// <summary>A fault count has no value to put a margin on: a medium fault alarm ends once the channels have stayed fault-free this long (OI-21).</summary>
    public override Duration ClearAfter => Clear == ClearCondition.WhenConditionClears ? ClearMargins.FlagClearAfter : Duration.Zero;

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sensors = context.Sensors;
        if (sensors.Frame is null)
        {
            return RuleCheck.Unknown(RuleReadings.NoSample);
        }

        var faulted = 0;
        for (var i = 0; i < _channels.Count; i++)
        {
            faulted += sensors.HasSignalFault(_channels[i]) ? 1 : 0;
        }

        return faulted == 0
            ? RuleCheck.Compare(faulted >= _minimumFaulted, new DeferredMeasurement(_quantity, 0, "", "≥", _minimumFaulted))
            : RuleCheck.Compare(faulted >= _minimumFaulted, new Measurement(_quantity, faulted, "", "≥", _minimumFaulted, DescribeFaults(_channels, sensors)));
    }

    private static Func<string?> DescribeFaults(IReadOnlyList<SensorChannel> channels, ValidatedFrame sensors) =>
        () => string.Join("; ", channels.Where(sensors.HasSignalFault).Select(c => $"{ChannelValue.Name(c)}: {sensors.DetailOf(c)}"));
}

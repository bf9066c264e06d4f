using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-AIR-DETECTOR-UNTESTED: the functional check of the air detector. A set primed from dry passes its air over the
/// detector, so the detector must report air at least once in Priming; once the pump has run
/// <see cref="InterlockTimings.AirDetectorPurgeTime"/> in Priming without that, the detector may be stuck at "no air",
/// which nothing else shows, and IL-AIR would be blind for the whole procedure (hazard analysis OI-06, FMEA FM-S28).
/// Medium, no actuator constraint; while it is active the phase machine does not let Priming end (SRS-PH-025), so the team checks the detector (and that the set was primed dry) before heating. It stays while the
/// patient is connected until the detector has reported air in Priming, so it cannot chatter; air in any later phase
/// trips IL-AIR instead. The phase signal it needs is the procedure phase the gate already has; what it saw in priming is
/// an <see cref="AirDetectorCheck"/> in the engine's state.
/// </summary>
public sealed class AirDetectorCheckRule : InterlockRule<AirDetectorCheck>
{
    /// <summary>The rule's ID: the phase machine refuses to end Priming while it is active (SRS-PH-025).</summary>
    public const string RuleId = "IL-AIR-DETECTOR-UNTESTED";

    private readonly TimeSpan _purge;

    public AirDetectorCheckRule()
        : base(
            RuleId,
            "Air detector did not see the priming air",
            Hazards.AirInLine,
            "SRS-IL-064",
            AlarmPriority.Medium,
            InterlockResponse.None,
            ClearCondition.WhenConditionClears,
            Quantities.Duration.Zero,
            InterlockPhases.PatientConnected,
            $"no air_detected = 1 in Priming although the pump has run {InterlockTimings.AirDetectorPurgeTime} in it")
    {
        _purge = DurationTicks.ToTimeSpan(InterlockTimings.AirDetectorPurgeTime);
    }

    protected override AirDetectorCheck Initial => AirDetectorCheck.None;

    protected override (bool Applies, AirDetectorCheck Memory) ArmWith(InterlockContext context, AirDetectorCheck memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var input = context.Input;
        var sensors = context.Sensors;
        if (input.Phase == Phase.Priming)
        {
            var air = sensors.Frame is { AirDetected: true } && sensors.IsMeasurement(SensorChannel.AirDetected);
            var pumpedSince = input.PumpStartedAt is { } pump && pump > input.PhaseStartedAt ? pump : input.PhaseStartedAt;
            var purged = input.PumpStartedAt is not null && input.Now - pumpedSince >= _purge;
            memory = AirDetectorCheck.Of(memory.PurgeDone || purged, memory.AirSeen || air);
        }

        return (memory.PurgeDone && AppliesTo(context), memory);
    }

    /// <summary>Nothing to judge on the current inputs alone: the check is what the detector saw in priming.</summary>
    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RuleCheck.Clear();
    }

    protected override RuleCheck CheckWith(InterlockContext context, AirDetectorCheck memory, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memory);
        return RuleCheck.Compare(memory.PurgeDone && !memory.AirSeen,
            new DeferredMeasurement("air reports in priming", memory.AirSeen ? 1 : 0, "", "<", 1));
    }
}

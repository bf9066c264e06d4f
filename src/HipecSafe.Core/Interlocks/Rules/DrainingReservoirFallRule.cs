using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Safety;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-RESERVOIR-DRAIN-FALL: in Draining the reservoir has fallen more than the profile's IL-RESERVOIR-DROP limit
/// (default 300 mL) below the highest level it reached since Draining began (SRS-IL-070). With the drains open the
/// abdomen only empties, and the pump takes from the reservoir only what it delivers back into the draining abdomen, so
/// by conservation of volume the reservoir can only rise: a fall is fluid leaving the circuit (a leak) or going back
/// into the abdomen (drains closed or blocked while the pump runs). Either way perfusate is unaccounted for: pump stop and
/// clamp closed so the pump stops feeding it, heater off, latched. The drains still empty the abdomen by gravity.
/// IL-RESERVOIR-DROP cannot judge this phase: the level rises by the abdominal volume, and a leak only slows the rise
/// until the abdomen is empty (hazard analysis OI-27). The highest level is sampled once a second and confirmed by two
/// samples, so the rule allocates at most once a second and a single high reading cannot make a fall; it is kept from
/// the first Draining cycle for the rest of the procedure (across pauses, safe states and resets), so a loss split by a
/// pause adds up. A reset is judged against the same level.
/// </summary>
public sealed class DrainingReservoirFallRule : InterlockRule<DrainingReservoirPeak>
{
    /// <summary>How often the highest level is sampled: at most one memory change a second while the level rises.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    private static readonly IReadOnlySet<Phase> DrainingOnly = new HashSet<Phase> { Phase.Draining };

    private readonly double _limitMl;

    public DrainingReservoirFallRule(AlarmLimits limits)
        : base(
            "IL-RESERVOIR-DRAIN-FALL",
            "Fluid unaccounted for in draining: leak, or fluid retained in the abdomen",
            Hazards.CytotoxicLeak,
            "SRS-IL-070",
            AlarmPriority.High,
            InterlockResponse.HeaterOff | InterlockResponse.PumpStop | InterlockResponse.ClampClose,
            ClearCondition.OperatorReset,
            Quantities.Duration.Zero,
            DrainingOnly,
            $"highest reservoir level in Draining − reservoir volume > {NotNull(limits).ReservoirDrop}")
    {
        _limitMl = limits.ReservoirDrop.Milliliters;
    }

    protected override DrainingReservoirPeak Initial => DrainingReservoirPeak.Empty;

    protected override (bool Applies, DrainingReservoirPeak Memory) ArmWith(InterlockContext context, DrainingReservoirPeak memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var input = context.Input;
        if (input.Phase == Phase.Draining
            && (memory.SampledAt is not { } last || input.Now - last >= SampleInterval)
            && context.Sensors.Frame is { } frame && context.Sensors.IsMeasurement(SensorChannel.ReservoirVolume))
        {
            memory = memory.Sample(input.Now, frame.ReservoirVolume.Milliliters);
        }

        return (memory.Highest is not null && AppliesTo(context), memory);
    }

    /// <summary>Nothing to judge on the current inputs alone: the fall is measured from the level kept in memory.</summary>
    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RuleCheck.Unknown("no reservoir level kept since Draining began");
    }

    protected override RuleCheck CheckWith(InterlockContext context, DrainingReservoirPeak memory, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memory);
        if (memory.Highest is not { } highest)
        {
            return Check(context);
        }

        if (RuleReadings.Measured(context, SensorChannel.ReservoirVolume, out var reason) is not { } ml)
        {
            return RuleCheck.Unknown(reason);
        }

        var fall = highest - ml;
        return RuleCheck.Compare(fall > _limitMl,
            new DeferredMeasurement("reservoir fall below its highest level in Draining (fluid unaccounted for)", fall, "mL", ">", _limitMl));
    }
}

using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Scenarios;

/// <summary>When a scenario fault starts: <c>at: 35m</c> (from the start) or <c>at: { phase, after }</c>.</summary>
public abstract record FaultTrigger
{
    private protected FaultTrigger()
    {
    }

    public abstract string Describe();

    /// <summary>
    /// Whether the trigger is due at <paramref name="now"/>, the procedure standing in <paramref name="phase"/> (null before its first report) and having
    /// first entered each phase at the time in <paramref name="entered"/>; <paramref name="missed"/> says why it can no
    /// longer fire, when it cannot.
    /// </summary>
    public abstract bool IsDue(TimeSpan now, Phase? phase, IReadOnlyDictionary<Phase, TimeSpan> entered, out string? missed);

    /// <summary>Why a trigger that never fired did not, for a run that ended at <paramref name="end"/>.</summary>
    public string NotFiredReason(IReadOnlyDictionary<Phase, TimeSpan> entered, TimeSpan end, string endReason) =>
        this is AfterPhaseEntry p && !entered.ContainsKey(p.Phase)
            ? $"the procedure never entered {p.Phase} (run ended at {ScenarioTime.Clock(end)}: {endReason})"
            : $"the run ended at {ScenarioTime.Clock(end)} ({endReason}) before the trigger";
}

/// <summary><c>at: 35m</c>: this long after the simulated procedure started.</summary>
public sealed record AtTime(Duration Time) : FaultTrigger
{
    public override string Describe() => $"at {DurationText.Format(Time)}";

    public override bool IsDue(TimeSpan now, Phase? phase, IReadOnlyDictionary<Phase, TimeSpan> entered, out string? missed)
    {
        missed = null;
        return now >= Time.ToTimeSpan();
    }
}

/// <summary>
/// <c>at: { phase: ChemoPerfusion, after: 10m }</c>: this long after the procedure first entered the phase. The fault
/// fires only while the device is still in that phase; if the phase is left earlier, it never fires.
/// </summary>
public sealed record AfterPhaseEntry(Phase Phase, Duration After) : FaultTrigger
{
    public override string Describe() => $"{Phase} +{DurationText.Format(After)}";

    public override bool IsDue(TimeSpan now, Phase? phase, IReadOnlyDictionary<Phase, TimeSpan> entered, out string? missed)
    {
        missed = null;
        if (!entered.TryGetValue(Phase, out var at))
        {
            return false;
        }

        if (phase == Phase)
        {
            return now - at >= After.ToTimeSpan();
        }

        // Only the first stay in the phase counts: once left early, the trigger can no longer fire.
        missed = $"the procedure entered {Phase} at {ScenarioTime.Clock(at)} and left it before {DurationText.Format(After)} had passed";
        return false;
    }
}

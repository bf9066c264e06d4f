using System.Globalization;

namespace HipecSafe.Controller.Clock;

/// <summary>
/// Consecutive cycles the clock did not deliver, and why; reported once, when ticks resume.
/// </summary>
/// <param name="FirstCycle">The first cycle skipped.</param>
/// <param name="Cycles">How many cycles in a row were skipped.</param>
/// <param name="Causes">Every reason that held a tick back during the overrun.</param>
/// <param name="ResumedAt">The cycle delivered when the overrun ended.</param>
/// <param name="PreviousDelivered">The last cycle delivered before the overrun; -1 if none was.</param>
public sealed record CycleOverrun(long FirstCycle, long Cycles, OverrunCauses Causes, long ResumedAt, long PreviousDelivered)
{
    public long LastCycle => FirstCycle + Cycles - 1;

    /// <summary>
    /// The cycle whose time the overrun is logged at: the last one delivered before it, whose records may still be on
    /// their way to the log (an earlier time than theirs would be out of order), or cycle 0 if none was delivered yet.
    /// </summary>
    public long LoggedAtCycle => Math.Max(PreviousDelivered, 0);

    /// <summary>One line for the hazard log: which cycles, how many, why.</summary>
    public string Describe()
    {
        var why = new List<string>();
        if (Causes.HasFlag(OverrunCauses.ClockLate))
        {
            why.Add("the clock thread woke late");
        }

        if (Causes.HasFlag(OverrunCauses.PreviousTickNotTaken))
        {
            why.Add("the controller had not yet taken the previous tick");
        }

        if (Causes.HasFlag(OverrunCauses.RoundTooShort))
        {
            why.Add("the previous health round had not yet lasted its minimum");
        }

        if (Causes.HasFlag(OverrunCauses.PreviousTickPresumedLost))
        {
            why.Add("the previous tick was never taken and was given up as lost");
        }

        var range = Cycles == 1
            ? FirstCycle.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{FirstCycle}–{LastCycle}");
        return string.Create(CultureInfo.InvariantCulture,
            $"cycle overrun: {Cycles} tick{(Cycles == 1 ? "" : "s")} skipped (cycle{(Cycles == 1 ? "" : "s")} {range}) because {string.Join(" and ", why)}; ticks resumed at cycle {ResumedAt}");
    }
}

namespace HipecSafe.Controller.Clock;

/// <summary>Why the cycle clock skipped ticks (<see cref="CycleOverrun"/>).</summary>
[Flags]
public enum OverrunCauses
{
    None = 0,

    /// <summary>The clock thread woke after later deadlines had passed too: those cycles are skipped, never replayed.</summary>
    ClockLate = 1,

    /// <summary>The controller had not yet taken the previous tick (its watchdog had not started that health round).</summary>
    PreviousTickNotTaken = 2,

    /// <summary>The previous health round had been open for less than its minimum length of wall time.</summary>
    RoundTooShort = 4,

    /// <summary>The previous tick was never taken and was given up as lost; the next one was delivered anyway.</summary>
    PreviousTickPresumedLost = 8,
}

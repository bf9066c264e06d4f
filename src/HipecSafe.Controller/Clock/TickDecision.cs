namespace HipecSafe.Controller.Clock;

/// <summary>What the clock does at a deadline (<see cref="TickCoalescer.Decide"/>).</summary>
/// <param name="Cycle">The newest cycle whose deadline has passed: the one delivered, or skipped.</param>
/// <param name="Due">That cycle's scheduled time (cycle × period).</param>
/// <param name="Deliver">Whether to deliver the tick now.</param>
/// <param name="Ended">The overrun this delivery ends, to be reported; null if none.</param>
public sealed record TickDecision(long Cycle, TimeSpan Due, bool Deliver, CycleOverrun? Ended);

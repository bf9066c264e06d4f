namespace HipecSafe.Controller.Clock;

/// <summary>
/// The real-time clock thread's time and its way of waiting for a deadline. In operation a
/// <see cref="PreciseCycleTimeSource"/>; a test substitutes a scripted one to replay a late thread without sleeping.
/// </summary>
public interface ICycleTimeSource
{
    /// <summary>Monotonic time since <see cref="Start"/>; may be read from any thread.</summary>
    TimeSpan Elapsed { get; }

    /// <summary>Sets time zero (called on the clock thread before its first deadline).</summary>
    void Start();

    /// <summary>Returns true once <see cref="Elapsed"/> has reached <paramref name="deadline"/>, or false as soon as <paramref name="stopRequested"/> is cancelled.</summary>
    bool WaitUntil(TimeSpan deadline, CancellationToken stopRequested);
}

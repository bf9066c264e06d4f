namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// What <see cref="CoreProbePlausibilityRule"/> remembers of the valid core readings while the patient is connected,
/// sampled every <see cref="CoreProbePlausibilityRule.SampleInterval"/>: the last sample and how many samples in a row
/// were identical (a frozen value), and a reference renewed every <see cref="CoreProbePlausibilityRule.RateWindow"/>
/// with the one before it (a rate over one to two windows). A new value only every 10 s, not every cycle.
/// </summary>
/// <param name="SampledAt">When the last sample was taken; null before the first.</param>
/// <param name="LastSample">The last sample (°C).</param>
/// <param name="UnchangedSamples">Consecutive samples equal to the one before.</param>
/// <param name="ReferenceAt">When <paramref name="Reference"/> was taken.</param>
/// <param name="Reference">The sample that opened the current rate window (°C).</param>
/// <param name="Previous">The reference of the window before: one to two windows old; null until there is one.</param>
public sealed record CoreProbeHistory(
    TimeSpan? SampledAt,
    double LastSample,
    int UnchangedSamples,
    TimeSpan ReferenceAt,
    double Reference,
    double? Previous) : RuleMemory
{
    /// <summary>Nothing sampled: outside the patient-connected phases, and before the first reading.</summary>
    public static CoreProbeHistory Empty { get; } = new(null, 0, 0, TimeSpan.Zero, 0, null);
}

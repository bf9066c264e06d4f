using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

/// <summary>Format and Parse are inverses over whole milliseconds. Seeded.</summary>
public class DurationTextProperties
{
    private const string Seed = "(7031,97531)";

    /// <summary>Whole milliseconds from 0 up to ~115 days, biased to small values by mixing ranges.</summary>
    private static Arbitrary<long> WholeMilliseconds() =>
        Gen.OneOf(
                Gen.Choose(0, 999).Select(v => (long)v),
                Gen.Choose(0, 3_600_000).Select(v => (long)v),
                Gen.Choose(0, int.MaxValue).Select(v => (long)v),
                Gen.Choose(0, int.MaxValue).Select(v => v * 4L + 3))
            .ToArbitrary();

    [Property(Replay = Seed, MaxTest = 500)]
    public Property Parse_of_Format_gives_the_duration_back() =>
        Prop.ForAll(WholeMilliseconds(), ms =>
        {
            var text = DurationText.Format(Duration.FromMilliseconds(ms));
            var back = DurationText.Parse(text);
            return (Math.Round(back.Milliseconds) == ms && Math.Abs(back.Milliseconds - ms) < 1e-3)
                .Label($"{ms} ms -> '{text}' -> {back.Milliseconds} ms");
        });

    [Property(Replay = Seed, MaxTest = 500)]
    public Property Format_of_Parse_gives_canonical_text_back() =>
        Prop.ForAll(
            Gen.Zip(Gen.Zip(Gen.Choose(0, 200), Gen.Choose(0, 59)), Gen.Zip(Gen.Choose(0, 59), Gen.Choose(0, 999)))
                .Where(t => t.Item1.Item1 + t.Item1.Item2 + t.Item2.Item1 + t.Item2.Item2 > 0)
                .ToArbitrary(),
            t =>
            {
                var ((h, m), (s, ms)) = t;
                var text = Part(h, "h") + Part(m, "m") + Part(s, "s") + Part(ms, "ms");
                return (DurationText.Format(DurationText.Parse(text)) == text).Label(text);
            });

    [Property(Replay = Seed, MaxTest = 500)]
    public Property Format_is_always_accepted_by_TryParse() =>
        Prop.ForAll(WholeMilliseconds(), ms =>
            DurationText.TryParse(DurationText.Format(Duration.FromMilliseconds(ms)), out _, out var error) && error.Length == 0);

    private static string Part(int value, string unit) =>
        value == 0 ? "" : value.ToString(CultureInfo.InvariantCulture) + unit;
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Profile;

/// <summary>
/// Whatever numbers are written into a profile, the loader either refuses it or yields a profile inside every hard
/// bound and consistent across fields: an out-of-bound profile never comes out. Seeded, so a failure replays.
/// </summary>
public class ProfileMutationProperties
{
    private const string Seed = "(91827364,55511)";

    /// <summary>A replacement text for one field: near a bound (coarse and fine steps), or anywhere.</summary>
    private static Gen<string> ValueFor(ProfileFieldBound f) => f.IsDuration ? DurationValue(f) : NumberValue(f);

    private static Gen<string> NumberValue(ProfileFieldBound f)
    {
        var nearBound = Gen.Elements(f.Min, f.Max)
            .SelectMany(_ => Gen.Elements(f.Step, f.Step / 100.0, 1e-9), (b, step) => (b, step))
            .SelectMany(_ => Gen.Choose(-20, 20), (t, k) => t.b + k * t.step);
        var anywhere = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100.0);
        var value = Gen.Frequency((4, nearBound), (1, anywhere));
        return value.SelectMany(_ => Gen.Elements("R", "0.###", "0.0#####", "E6"),
            (v, format) => v.ToString(format, CultureInfo.InvariantCulture));
    }

    private static Gen<string> DurationValue(ProfileFieldBound f)
    {
        var nearBound = Gen.Elements(f.Min, f.Max)
            .SelectMany(_ => Gen.Elements(1L, 100L, 1000L, 60_000L), (b, stepMs) => (ms: (long)Math.Round(b * 1000), stepMs))
            .SelectMany(_ => Gen.Choose(-20, 20), (t, k) => t.ms + k * t.stepMs);
        var anywhere = Gen.Choose(0, 20_000_000).Select(ms => (long)ms);
        var ms = Gen.Frequency((4, nearBound), (1, anywhere)).Where(v => v >= 0);
        return ms.SelectMany(_ => Gen.Elements(0, 1, 2), (v, style) => style switch
        {
            0 => v.ToString(CultureInfo.InvariantCulture) + "ms",
            1 => DurationText.Format(Duration.FromMilliseconds(v)),
            _ => (v / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "s",
        });
    }

    private static readonly Gen<(string Path, string Value)> OneMutation =
        Gen.Elements(ProfileFieldBounds.All.ToArray()).SelectMany(ValueFor, (f, v) => (f.Path, v));

    private static Arbitrary<(string Path, string Value)[]> Mutations() =>
        Gen.Choose(1, 4).SelectMany(n => OneMutation.ArrayOf(n)).ToArbitrary();

    private static string Describe(IEnumerable<(string Path, string Value)> mutations) =>
        string.Join(", ", mutations.Select(m => $"{m.Path}={m.Value}"));

    [Property(Replay = Seed, MaxTest = 1000)]
    [Verifies("SRS-PR-003", "SRS-PR-004")]
    public Property The_loader_never_yields_a_profile_outside_its_hard_bounds() =>
        Prop.ForAll(Mutations(), mutations =>
        {
            var text = mutations.Aggregate(ProfileText.Default, (t, m) => t.With(m.Path, m.Value));
            var (profile, errors) = ProfileLoader.TryParse(text);

            if (profile is null)
            {
                return (errors.Count > 0 && errors.All(e => e.Field.Length > 0 && e.Message.Length > 0))
                    .Label($"refused without a usable error: {Describe(mutations)}");
            }

            var outside = ProfileFieldBounds.All.Where(f => f.Read(profile) < f.Min || f.Read(profile) > f.Max)
                .Select(f => $"{f.Path}={f.Read(profile).ToString("R", CultureInfo.InvariantCulture)}").ToList();
            return (errors.Count == 0 && outside.Count == 0 && IsConsistent(profile))
                .Label($"accepted {Describe(mutations)}; outside bounds: [{string.Join(", ", outside)}]");
        });

    [Property(Replay = Seed, MaxTest = 500)]
    [Verifies("SRS-PR-002", "SRS-PR-003")]
    public Property A_single_value_outside_its_bound_is_always_reported_on_its_own_field() =>
        Prop.ForAll(OneMutation.ToArbitrary(), m =>
        {
            var f = ProfileFieldBounds.Get(m.Path);
            var text = ProfileText.Default.With(m.Path, m.Value);
            var (profile, errors) = ProfileLoader.TryParse(text);
            var value = f.IsDuration
                ? DurationText.Parse(m.Value).Seconds
                : double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var outside = value < f.Min || value > f.Max;

            return (!outside || (profile is null && errors.Any(e => e.Field == m.Path
                        && e.Line == ProfileText.LineOf(text, m.Path)
                        && e.Message.Contains("hard bound", StringComparison.Ordinal))))
                .Label($"{m.Path}={m.Value}: {string.Join("; ", errors)}");
        });

    /// <summary>The cross-field rules of SRS-PR-004 (and the drug minimum inside the band).</summary>
    private static bool IsConsistent(TreatmentProfile p) =>
        p.AbdominalBandLow <= p.AbdominalTarget && p.AbdominalTarget <= p.AbdominalBandHigh
        && p.InflowSetpointMin <= p.InflowTarget && p.InflowTarget <= p.InflowSetpointMax
        && p.InflowSetpointMax < p.Limits.InflowHigh
        && p.AbdominalBandHigh < p.Limits.AbdominalHigh
        && p.Limits.CoreWarning <= p.Limits.CoreHigh
        && p.Limits.ReservoirCritical < p.Limits.ReservoirLow
        && p.DrugAdditionMinimum <= p.AbdominalBandHigh;
}

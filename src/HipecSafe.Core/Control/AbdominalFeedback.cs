using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Control;

/// <summary>
/// The temperature the abdominal loop regulates, from the valid probes:
/// <code>
/// T_ctl = max( median(valid),  hottest(valid) − (band_high − margin − target) )
/// </code>
/// Normally the median is regulated to the target. The median, not the mean: one probe pocketed in a cold corner (or
/// reading low) would drag a mean down and the loop would heat the rest of the abdomen to make up for it, the inflow
/// set-point climbing to its cap; it moves the median of three or four probes not at all (SRS-CT-019). When the probes
/// spread so much that the hottest one would come within <c>margin</c> of the band top, the second term takes over
/// and the loop regulates the hottest probe to <c>band_high − margin</c> instead: the controller backs off before any
/// probe leaves the band. A single loop on this selected measurement has no selector windup (max of continuous
/// signals is continuous).
/// </summary>
public sealed record AbdominalFeedback(int ValidCount, int ValidMask, Temperature? Median, Temperature? Hottest, Temperature? Controlled)
{
    public const int MaxProbes = 16;

    public bool HasFeedback => ValidCount > 0;

    public static AbdominalFeedback From(IReadOnlyList<ProbeReading> probes, TreatmentProfile profile, TemperatureDelta hotProbeMargin)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(profile);
        if (probes.Count > MaxProbes)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), probes.Count,
                $"{probes.Count} abdominal probes given; at most {MaxProbes} are supported (the valid-probe mask has {MaxProbes} bits)");
        }

        Span<double> valid = stackalloc double[MaxProbes];
        var count = 0;
        var mask = 0;
        double? hottest = null;
        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            if (!probe.Valid)
            {
                continue;
            }

            var celsius = probe.Temperature.DegreesCelsius;
            if (!double.IsFinite(celsius))
            {
                throw new ArgumentOutOfRangeException(nameof(probes), celsius,
                    $"abdominal probe {i + 1} is marked valid but reads {celsius.ToString(System.Globalization.CultureInfo.InvariantCulture)} °C");
            }

            valid[count++] = celsius;
            mask |= 1 << i;
            hottest = hottest is null ? celsius : Math.Max(hottest.Value, celsius);
        }

        if (count == 0)
        {
            return new AbdominalFeedback(0, 0, null, null, null);
        }

        var sorted = valid[..count];
        sorted.Sort();
        var median = count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
        var hotOffset = profile.AbdominalBandHigh.DegreesCelsius - hotProbeMargin.DegreesCelsius - profile.AbdominalTarget.DegreesCelsius;
        var controlled = Math.Max(median, hottest!.Value - hotOffset);
        return new AbdominalFeedback(count, mask, Temperature.FromDegreesCelsius(median), Temperature.FromDegreesCelsius(hottest.Value),
            Temperature.FromDegreesCelsius(controlled));
    }
}

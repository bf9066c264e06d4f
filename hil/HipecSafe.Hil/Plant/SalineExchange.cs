using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// The washout's saline exchange, done by hand at the reservoir (no actuator in docs/icd.md): the operator drains the
/// drug-laden perfusate from the reservoir to waste at <paramref name="Rate"/> and, <paramref name="Lag"/> later, pours
/// saline at <paramref name="Saline"/> into it at the same rate, until <paramref name="Volume"/> has gone each way. The
/// reservoir first falls by Rate × Lag, holds while perfusate is replaced (the circulation mixes it through the
/// abdomen), and is back where it began once the pouring ends (hil/PLANT.md §2.6).
/// </summary>
public sealed record SalineExchange(Volume Volume, VolumetricFlow Rate, Duration Lag, Temperature Saline)
{
    /// <summary>From the first drop drained to the last drop poured.</summary>
    public Duration Lasts => Duration.FromSeconds((Volume.Milliliters / Rate.MillilitersPerMinute * 60.0) + Lag.Seconds);

    /// <summary>Throws when a value cannot describe an exchange (the error names it).</summary>
    public void Validate()
    {
        if (!(Volume.Milliliters > 0) || double.IsInfinity(Volume.Milliliters))
        {
            throw new ArgumentOutOfRangeException(nameof(Volume), Volume, "the saline exchange needs a positive volume");
        }

        if (!(Rate.MillilitersPerMinute > 0) || double.IsInfinity(Rate.MillilitersPerMinute))
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "the saline exchange needs a positive rate");
        }

        if (!(Lag.Seconds >= 0) || double.IsInfinity(Lag.Seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(Lag), Lag, "the saline exchange's lag must be zero or positive");
        }

        if (!(Saline.DegreesCelsius is >= 0 and <= 60))
        {
            throw new ArgumentOutOfRangeException(nameof(Saline), Saline, "saline temperature must be 0–60 °C");
        }
    }
}

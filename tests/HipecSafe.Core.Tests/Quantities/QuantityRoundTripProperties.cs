using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Tests.Quantities;

/// <summary>Converting into any unit and back gives the value again (to floating-point precision). Seeded.</summary>
public class QuantityRoundTripProperties
{
    private const string Seed = "(20240611,1234567)";

    /// <summary>Finite values over the span a device can meet, from tiny to large, both signs.</summary>
    private static Arbitrary<double> Values() =>
        Gen.Choose(-1_000_000, 1_000_000)
            .SelectMany(mantissa => Gen.Choose(-6, 6), (mantissa, exponent) => mantissa / 1000.0 * Math.Pow(10, exponent))
            .ToArbitrary();

    private static bool Close(double expected, double actual, double scale = 1.0) =>
        Math.Abs(expected - actual) <= 1e-12 * Math.Max(Math.Max(1.0, scale), Math.Abs(expected));

    [Property(Replay = Seed)]
    public Property Temperature_round_trips_through_kelvins() =>
        Prop.ForAll(Values(), c => Close(c, Temperature.FromKelvins(Temperature.FromDegreesCelsius(c).Kelvins).DegreesCelsius));

    [Property(Replay = Seed)]
    public Property Temperature_plus_difference_gives_the_other_temperature() =>
        Prop.ForAll(Values(), Values(), (a, b) =>
        {
            var ta = Temperature.FromDegreesCelsius(a);
            var tb = Temperature.FromDegreesCelsius(b);
            // Rounding error scales with the larger operand, not with the result.
            var scale = Math.Max(Math.Abs(a), Math.Abs(b));
            return Close(a, (tb + (ta - tb)).DegreesCelsius, scale) && Close(b, (ta - (ta - tb)).DegreesCelsius, scale);
        });

    [Property(Replay = Seed)]
    public Property TemperatureDelta_round_trips_through_kelvins() =>
        Prop.ForAll(Values(), d => Close(d, TemperatureDelta.FromKelvins(TemperatureDelta.FromDegreesCelsius(d).Kelvins).DegreesCelsius));

    [Property(Replay = Seed)]
    public Property Flow_round_trips_through_every_unit() =>
        Prop.ForAll(Values(), v =>
        {
            var f = VolumetricFlow.FromLitersPerMinute(v);
            return Close(v, VolumetricFlow.FromMillilitersPerMinute(f.MillilitersPerMinute).LitersPerMinute)
                   && Close(v, VolumetricFlow.FromCubicMetersPerSecond(f.CubicMetersPerSecond).LitersPerMinute)
                   && Close(v * 1000.0, f.MillilitersPerMinute);
        });

    [Property(Replay = Seed)]
    public Property Pressure_round_trips_through_every_unit() =>
        Prop.ForAll(Values(), v =>
        {
            var p = Pressure.FromMillimetersOfMercury(v);
            return Close(v, Pressure.FromPascals(p.Pascals).MillimetersOfMercury)
                   && Close(v, Pressure.FromKilopascals(p.Kilopascals).MillimetersOfMercury)
                   && Close(p.Pascals, p.Kilopascals * 1000.0);
        });

    [Property(Replay = Seed)]
    public Property Volume_round_trips_through_every_unit() =>
        Prop.ForAll(Values(), v =>
        {
            var vol = Volume.FromMilliliters(v);
            return Close(v, Volume.FromLiters(vol.Liters).Milliliters)
                   && Close(v, Volume.FromCubicMeters(vol.CubicMeters).Milliliters);
        });

    [Property(Replay = Seed)]
    public Property Power_round_trips_through_kilowatts() =>
        Prop.ForAll(Values(), w => Close(w, Power.FromKilowatts(Power.FromWatts(w).Kilowatts).Watts));

    [Property(Replay = Seed)]
    public Property Duration_round_trips_through_every_unit() =>
        Prop.ForAll(Values(), s =>
        {
            var d = Duration.FromSeconds(s);
            return Close(s, Duration.FromMilliseconds(d.Milliseconds).Seconds)
                   && Close(s, Duration.FromMinutes(d.Minutes).Seconds)
                   && Close(s, Duration.FromHours(d.Hours).Seconds);
        });

    [Property(Replay = Seed)]
    public Property Flow_times_duration_is_linear() =>
        Prop.ForAll(Values(), Values(), (mlPerMin, seconds) =>
            Close(mlPerMin * seconds / 60.0,
                (VolumetricFlow.FromMillilitersPerMinute(mlPerMin) * Duration.FromSeconds(seconds)).Milliliters));

    [Property(Replay = Seed)]
    public Property Ordering_agrees_with_the_value_in_any_unit() =>
        Prop.ForAll(Values(), Values(), (a, b) =>
        {
            var ta = Temperature.FromDegreesCelsius(a);
            var tb = Temperature.FromDegreesCelsius(b);
            var fa = VolumetricFlow.FromLitersPerMinute(a);
            var fb = VolumetricFlow.FromLitersPerMinute(b);
            return (ta < tb) == (ta.Kelvins < tb.Kelvins)
                   && (fa < fb) == (fa.MillilitersPerMinute < fb.MillilitersPerMinute)
                   && Math.Sign(ta.CompareTo(tb)) == Math.Sign(a.CompareTo(b))
                   && Temperature.Max(ta, tb) >= Temperature.Min(ta, tb);
        });
}

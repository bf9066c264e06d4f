using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant;

/// <summary>
/// The washout's saline exchange at the reservoir (an operator action, hil/PLANT.md §2.6): drained to waste at the
/// rate, saline poured in at the same rate after the lag; volume and energy are accounted for.
/// </summary>
public sealed class SalineExchangeTests
{
    private static readonly SalineExchange Exchange = new(
        Volume.FromLiters(2), VolumetricFlow.FromLitersPerMinute(1), Duration.FromSeconds(20), Temperature.FromDegreesCelsius(30));

    private static PlantInputs Circulating(PlantRig rig) => new(0, HeaterRelayClosed: false, rig.RpmFor(2.0), ClampOpen: true);

    private static PlantRig Steady()
    {
        var rig = new PlantRig();
        rig.Run(Duration.FromMinutes(2), Circulating(rig));
        return rig;
    }

    [Fact]
    [Verifies("SRS-HIL-027")]
    public void The_reservoir_dips_by_rate_times_lag_and_is_back_when_the_pouring_ends()
    {
        var rig = Steady();
        var before = rig.State.ReservoirVolume.Milliliters;

        rig.Plant.ExchangeForSaline(Exchange);
        rig.Run(Duration.FromSeconds(20), Circulating(rig));
        // 1 L/min for the 20 s lag: 333 mL drained before any saline comes.
        Assert.Equal(before - (1000.0 / 60 * 20), rig.State.ReservoirVolume.Milliliters, 2.0);
        rig.Run(Duration.FromMinutes(1), Circulating(rig));
        Assert.Equal(before - (1000.0 / 60 * 20), rig.State.ReservoirVolume.Milliliters, 2.0); // exchanging: draining = pouring

        rig.Run(Exchange.Lasts - Duration.FromSeconds(80), Circulating(rig));
        Assert.Null(rig.Plant.ExchangeUnderWay);
        Assert.Equal(before, rig.State.ReservoirVolume.Milliliters, 2.0);
        Assert.Equal(2000.0, rig.State.DrainedToWaste.Milliliters, 1e-6);
        Assert.Equal(2000.0, rig.State.SalinePoured.Milliliters, 1e-6);
        Assert.Equal(Duration.FromSeconds(140), Exchange.Lasts);
    }

    [Fact]
    [Verifies("SRS-HIL-027")]
    public void Fluid_volume_and_energy_are_conserved_with_what_the_exchange_moved()
    {
        var rig = new PlantRig();
        var plant = rig.Plant;
        double Total() => plant.State.ReservoirVolume.Milliliters + plant.State.AbdominalVolume.Milliliters
                          + plant.LineStoredVolumeMilliliters + plant.State.DrainedToWaste.Milliliters - plant.State.SalinePoured.Milliliters;
        var volume = Total();
        var energy = plant.EnergyBalanceJoules;

        rig.Regulate(Duration.FromMinutes(10), 2.0);
        plant.ExchangeForSaline(Exchange);
        rig.Regulate(Duration.FromMinutes(4), 2.0);

        Assert.True(plant.State.SalinePoured.Milliliters > 1999);
        Assert.Equal(volume, Total(), 1e-6);
        Assert.Equal(energy, plant.EnergyBalanceJoules, energy * 1e-9);
    }

    [Fact]
    [Verifies("SRS-HIL-027")]
    public void Cooler_saline_cools_the_circuit()
    {
        var rig = new PlantRig();
        rig.Regulate(Duration.FromMinutes(15), 2.0);
        var warm = rig.State.ReservoirTemperature.DegreesCelsius;
        Assert.True(warm > 40);

        rig.Plant.ExchangeForSaline(Exchange);
        rig.Run(Exchange.Lasts, Circulating(rig));

        // 2 L of 30 °C saline into a ≈ 5.5 L circuit at ≈ 42 °C, no heater: well below where it was.
        Assert.True(rig.State.ReservoirTemperature.DegreesCelsius < warm - 2, $"reservoir {rig.State.ReservoirTemperature}");
    }

    [Fact]
    [Verifies("SRS-HIL-027")]
    public void An_exchange_that_cannot_be_done_is_refused_naming_the_value()
    {
        Assert.Contains("positive volume", Assert.Throws<ArgumentOutOfRangeException>(() => new PerfusionPlant().ExchangeForSaline(Exchange with { Volume = Volume.Zero })).Message, StringComparison.Ordinal);
        Assert.Contains("positive rate", Assert.Throws<ArgumentOutOfRangeException>(() => new PerfusionPlant().ExchangeForSaline(Exchange with { Rate = VolumetricFlow.Zero })).Message, StringComparison.Ordinal);
        Assert.Contains("lag", Assert.Throws<ArgumentOutOfRangeException>(() => new PerfusionPlant().ExchangeForSaline(Exchange with { Lag = Duration.FromSeconds(-1) })).Message, StringComparison.Ordinal);
    }
}

using System.Globalization;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant;

/// <summary>
/// Every physical constant of the perfusion plant. The defaults are one nominal patient and circuit; hil/PLANT.md gives
/// the source or reasoning for each value and the clinical figures they reproduce. Conductances are in W/K (no Core
/// quantity exists for them) and are named with their unit.
/// </summary>
public sealed record PlantParameters
{
    /// <summary>The nominal plant described in hil/PLANT.md.</summary>
    public static PlantParameters Default { get; } = new();

    // ---- Carrier fluid ----
    /// <summary>ρ·c of the carrier solution: 1.0 g/mL × 4.186 J/(g·K) (water-like saline/dextrose).</summary>
    public double FluidHeatCapacityJoulesPerMilliliterKelvin { get; init; } = 4.186;
    public Temperature InitialFluidTemperature { get; init; } = Temperature.FromDegreesCelsius(37.0);
    public Temperature RoomTemperature { get; init; } = Temperature.FromDegreesCelsius(21.0);

    // ---- Roller pump and inflow line ----
    public double TubingMillilitersPerRevolution { get; init; } = 40.0;
    /// <summary>Motor speed limit: commands above it saturate (150 rpm × 40 mL/rev = 6 L/min).</summary>
    public double PumpMaxRpm { get; init; } = 150.0;
    /// <summary>Line pressure above which the rollers start to slip; full slip (no delivery) at <see cref="PumpStallPressure"/>.</summary>
    public Pressure PumpReliefPressure { get; init; } = Pressure.FromMillimetersOfMercury(750.0);
    public Pressure PumpStallPressure { get; init; } = Pressure.FromMillimetersOfMercury(1000.0);
    /// <summary>Back-leak past the (just-occlusive) rollers toward the reservoir, per mmHg of line pressure.</summary>
    public double PumpBackLeakMillilitersPerSecondPerMmHg { get; init; } = 0.002;
    /// <summary>Inflow line + catheter resistance: 120 mmHg drop at 2 L/min.</summary>
    public double InflowLineResistanceMmHgPerMillilitersPerMinute { get; init; } = 0.06;
    /// <summary>Distensibility of the pressurised inflow tubing.</summary>
    public double InflowLineComplianceMillilitersPerMmHg { get; init; } = 0.1;
    /// <summary>Fluid volume of the inflow tubing between heat exchanger and catheter (a mixed node: it sets the transport lag).</summary>
    public Volume InflowLineVolume { get; init; } = Volume.FromMilliliters(150.0);
    /// <summary>
    /// Air in the inflow line at the start, seen by the air detector until the pump has pushed this volume past it: a
    /// set primed from dry, so the detector sees the priming air (its functional check, IL-AIR-DETECTOR-UNTESTED).
    /// For the detector only; hydraulics and heat treat the line as full. 0 = a line already full of liquid.
    /// </summary>
    public Volume InitialLineAirVolume { get; init; } = Volume.FromMilliliters(150.0);
    public double InflowLineLossWattsPerKelvin { get; init; } = 1.0;

    // ---- Heater and heat exchanger ----
    public Power HeaterMaxPower { get; init; } = Power.FromWatts(1000.0);
    /// <summary>Thermal mass of heater block + exchanger wall + its fluid; sets the exchanger lag (~29 s at 2 L/min).</summary>
    public double HeatExchangerCapacityJoulesPerKelvin { get; init; } = 4000.0;
    /// <summary>Wall-to-fluid conductance UA of the exchanger (NTU = UA / ṁc; 4.3 at 2 L/min).</summary>
    public double HeatExchangerConductanceWattsPerKelvin { get; init; } = 600.0;
    public double HeatExchangerLossWattsPerKelvin { get; init; } = 0.2;

    // ---- Reservoir and outflow ----
    public Volume InitialReservoirVolume { get; init; } = Volume.FromMilliliters(1500.0);
    /// <summary>Below this volume the pump inlet draws air: delivered liquid falls in proportion and the air detector sees it.</summary>
    public Volume ReservoirAirEntrainmentVolume { get; init; } = Volume.FromMilliliters(100.0);
    /// <summary>Reservoir walls plus the outflow tubing, lumped (at the nominal reservoir volume).</summary>
    public double ReservoirLossWattsPerKelvin { get; init; } = 3.0;
    /// <summary>The outflow probe's flow-through cell at the patient end of the outflow line.</summary>
    public Volume OutflowProbeCellVolume { get; init; } = Volume.FromMilliliters(20.0);
    public double OutflowProbeCellLossWattsPerKelvin { get; init; } = 0.1;

    // ---- Abdomen (hydraulics) ----
    /// <summary>Fill level = height of the outflow drains: fluid above it drains back to the reservoir.</summary>
    public Volume AbdominalFillVolume { get; init; } = Volume.FromMilliliters(4000.0);
    public Volume InitialAbdominalVolume { get; init; } = Volume.FromMilliliters(4000.0);
    /// <summary>Drain rate per mL above the fill level (1/min): 20/min keeps the level within 100 mL of fill at 2 L/min.</summary>
    public double OutflowDrainRatePerMinute { get; init; } = 20.0;
    /// <summary>Most the outflow (gravity + suction) line can carry; above it the abdomen overfills.</summary>
    public VolumetricFlow OutflowCapacity { get; init; } = VolumetricFlow.FromLitersPerMinute(4.0);
    /// <summary>Intra-abdominal pressure at the fill volume (closed technique).</summary>
    public Pressure AbdominalPressureAtFill { get; init; } = Pressure.FromMillimetersOfMercury(10.0);
    /// <summary>Compliance of the distended abdomen above the fill volume.</summary>
    public double AbdominalComplianceAboveFillMillilitersPerMmHg { get; init; } = 50.0;
    /// <summary>
    /// Spatial offset of each abdominal probe from the mixed temperature, per watt of heat the inflow brings in
    /// (probe 1 nearest the inflow catheter). ±0.2 °C at the ~175 W of steady perfusion, ±1 °C during fast heat-up.
    /// </summary>
    public IReadOnlyList<double> ProbeSpatialGainKelvinPerWatt { get; init; } = [0.00114, 0.00046, -0.00046, -0.00114];

    // ---- Patient ----
    /// <summary>Specific heat of soft tissue (≈ 3.5 kJ/(kg·K)).</summary>
    public double TissueSpecificHeatJoulesPerKilogramKelvin { get; init; } = 3500.0;
    /// <summary>Peritoneal tissue shell bathed by the fluid (viscera, mesentery, inner abdominal wall): part of the 70 kg body.</summary>
    public double PeritonealTissueMassKilograms { get; init; } = 15.0;
    /// <summary>Rest of the 70 kg body, lumped as the core the oesophageal probe measures.</summary>
    public double CoreMassKilograms { get; init; } = 55.0;
    /// <summary>Fluid → peritoneal tissue conductance at full fill (scaled by the wetted fraction below it).</summary>
    public double FluidToTissueWattsPerKelvin { get; init; } = 400.0;
    /// <summary>Tissue → core conductance (blood perfusion carries the heat inward).</summary>
    public double TissueToCoreWattsPerKelvin { get; init; } = 60.0;
    /// <summary>Net loss of the anaesthetised, actively cooled patient per kelvin above <see cref="CoreEquilibriumTemperature"/>.</summary>
    public double CoreLossWattsPerKelvin { get; init; } = 110.0;
    /// <summary>Core temperature at which metabolic heat balances the environment / anaesthesia cooling.</summary>
    public Temperature CoreEquilibriumTemperature { get; init; } = Temperature.FromDegreesCelsius(37.0);
    public Temperature InitialCoreTemperature { get; init; } = Temperature.FromDegreesCelsius(37.0);
    /// <summary>The peritoneum cooled during hours of open cytoreductive surgery starts below core.</summary>
    public Temperature InitialTissueTemperature { get; init; } = Temperature.FromDegreesCelsius(36.0);

    // ---- Numerics ----
    /// <summary>Fixed integration sub-step; Step(dt) is cut into equal sub-steps no longer than this.</summary>
    public Duration MaxSubStep { get; init; } = Duration.FromMilliseconds(50);

    /// <summary>Largest stable explicit-Euler rate × sub-step this model accepts (see PLANT.md, "Numerics").</summary>
    public const double MaxRateTimesStep = 0.5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter that is out of its physical range.</summary>
    public void Validate()
    {
        Positive(FluidHeatCapacityJoulesPerMilliliterKelvin, nameof(FluidHeatCapacityJoulesPerMilliliterKelvin));
        Between(InitialFluidTemperature.DegreesCelsius, 0, 60, nameof(InitialFluidTemperature));
        Between(RoomTemperature.DegreesCelsius, -10, 50, nameof(RoomTemperature));
        Positive(TubingMillilitersPerRevolution, nameof(TubingMillilitersPerRevolution));
        Positive(PumpMaxRpm, nameof(PumpMaxRpm));
        Positive(PumpReliefPressure.MillimetersOfMercury, nameof(PumpReliefPressure));
        if (PumpStallPressure <= PumpReliefPressure)
        {
            throw new ArgumentException(Invariant($"PumpStallPressure {PumpStallPressure} must exceed PumpReliefPressure {PumpReliefPressure}"), nameof(PumpStallPressure));
        }

        NonNegative(PumpBackLeakMillilitersPerSecondPerMmHg, nameof(PumpBackLeakMillilitersPerSecondPerMmHg));
        Positive(InflowLineResistanceMmHgPerMillilitersPerMinute, nameof(InflowLineResistanceMmHgPerMillilitersPerMinute));
        Positive(InflowLineComplianceMillilitersPerMmHg, nameof(InflowLineComplianceMillilitersPerMmHg));
        Positive(InflowLineVolume.Milliliters, nameof(InflowLineVolume));
        NonNegative(InitialLineAirVolume.Milliliters, nameof(InitialLineAirVolume));
        NonNegative(InflowLineLossWattsPerKelvin, nameof(InflowLineLossWattsPerKelvin));
        Positive(HeaterMaxPower.Watts, nameof(HeaterMaxPower));
        Positive(HeatExchangerCapacityJoulesPerKelvin, nameof(HeatExchangerCapacityJoulesPerKelvin));
        Positive(HeatExchangerConductanceWattsPerKelvin, nameof(HeatExchangerConductanceWattsPerKelvin));
        NonNegative(HeatExchangerLossWattsPerKelvin, nameof(HeatExchangerLossWattsPerKelvin));
        NonNegative(InitialReservoirVolume.Milliliters, nameof(InitialReservoirVolume));
        Positive(ReservoirAirEntrainmentVolume.Milliliters, nameof(ReservoirAirEntrainmentVolume));
        NonNegative(ReservoirLossWattsPerKelvin, nameof(ReservoirLossWattsPerKelvin));
        Positive(OutflowProbeCellVolume.Milliliters, nameof(OutflowProbeCellVolume));
        NonNegative(OutflowProbeCellLossWattsPerKelvin, nameof(OutflowProbeCellLossWattsPerKelvin));
        Positive(AbdominalFillVolume.Milliliters, nameof(AbdominalFillVolume));
        NonNegative(InitialAbdominalVolume.Milliliters, nameof(InitialAbdominalVolume));
        Positive(OutflowDrainRatePerMinute, nameof(OutflowDrainRatePerMinute));
        Positive(OutflowCapacity.MillilitersPerMinute, nameof(OutflowCapacity));
        NonNegative(AbdominalPressureAtFill.MillimetersOfMercury, nameof(AbdominalPressureAtFill));
        Positive(AbdominalComplianceAboveFillMillilitersPerMmHg, nameof(AbdominalComplianceAboveFillMillilitersPerMmHg));
        if (ProbeSpatialGainKelvinPerWatt is null || ProbeSpatialGainKelvinPerWatt.Count != 4)
        {
            throw new ArgumentException("ProbeSpatialGainKelvinPerWatt must hold exactly 4 gains, one per abdominal probe", nameof(ProbeSpatialGainKelvinPerWatt));
        }

        foreach (var gain in ProbeSpatialGainKelvinPerWatt)
        {
            Between(gain, -0.01, 0.01, nameof(ProbeSpatialGainKelvinPerWatt));
        }

        Positive(TissueSpecificHeatJoulesPerKilogramKelvin, nameof(TissueSpecificHeatJoulesPerKilogramKelvin));
        Positive(PeritonealTissueMassKilograms, nameof(PeritonealTissueMassKilograms));
        Positive(CoreMassKilograms, nameof(CoreMassKilograms));
        NonNegative(FluidToTissueWattsPerKelvin, nameof(FluidToTissueWattsPerKelvin));
        NonNegative(TissueToCoreWattsPerKelvin, nameof(TissueToCoreWattsPerKelvin));
        NonNegative(CoreLossWattsPerKelvin, nameof(CoreLossWattsPerKelvin));
        Between(CoreEquilibriumTemperature.DegreesCelsius, 30, 40, nameof(CoreEquilibriumTemperature));
        Between(InitialCoreTemperature.DegreesCelsius, 30, 42, nameof(InitialCoreTemperature));
        Between(InitialTissueTemperature.DegreesCelsius, 30, 42, nameof(InitialTissueTemperature));
        Positive(MaxSubStep.Seconds, nameof(MaxSubStep));
        CheckStability();
    }

    /// <summary>
    /// The explicit parts of the integrator are stable (and free of overshoot) when every node's fastest rate × sub-step
    /// stays below <see cref="MaxRateTimesStep"/>; this refuses parameter sets that would break that.
    /// </summary>
    private void CheckStability()
    {
        var h = MaxSubStep.Seconds;
        var cv = FluidHeatCapacityJoulesPerMilliliterKelvin;
        var maxPumpMlPerS = PumpMaxRpm * TubingMillilitersPerRevolution / 60.0;
        var tissueCapacity = PeritonealTissueMassKilograms * TissueSpecificHeatJoulesPerKilogramKelvin;
        var coreCapacity = CoreMassKilograms * TissueSpecificHeatJoulesPerKilogramKelvin;
        Rate(maxPumpMlPerS / InflowLineVolume.Milliliters + InflowLineLossWattsPerKelvin / (cv * InflowLineVolume.Milliliters), "inflow line (flow / volume)");
        Rate(OutflowCapacity.MillilitersPerMinute / 60.0 / OutflowProbeCellVolume.Milliliters + OutflowProbeCellLossWattsPerKelvin / (cv * OutflowProbeCellVolume.Milliliters), "outflow probe cell (flow / volume)");
        Rate((HeatExchangerConductanceWattsPerKelvin + HeatExchangerLossWattsPerKelvin) / HeatExchangerCapacityJoulesPerKelvin, "heat exchanger (UA / capacity)");
        Rate(FluidToTissueWattsPerKelvin / (cv * AbdominalFillVolume.Milliliters), "abdominal fluid ↔ tissue");
        Rate((FluidToTissueWattsPerKelvin + TissueToCoreWattsPerKelvin) / tissueCapacity, "peritoneal tissue");
        Rate((TissueToCoreWattsPerKelvin + CoreLossWattsPerKelvin) / coreCapacity, "core");
        Rate(OutflowDrainRatePerMinute / 60.0, "abdominal drain");
        Rate(ReservoirLossWattsPerKelvin / (cv * Math.Max(InitialReservoirVolume.Milliliters, ReservoirAirEntrainmentVolume.Milliliters)), "reservoir loss");

        void Rate(double perSecond, string node)
        {
            if (perSecond * h > MaxRateTimesStep)
            {
                throw new ArgumentException(Invariant($"MaxSubStep {MaxSubStep} is too long for the {node}: rate {perSecond:0.###}/s × step must stay ≤ {MaxRateTimesStep}"), nameof(MaxSubStep));
            }
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException(Invariant($"{name} must be a positive finite number, got {value}"), name);
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException(Invariant($"{name} must be a finite number ≥ 0, got {value}"), name);
        }
    }

    private static void Between(double value, double low, double high, string name)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentException(Invariant($"{name} must lie in [{low}, {high}], got {value}"), name);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

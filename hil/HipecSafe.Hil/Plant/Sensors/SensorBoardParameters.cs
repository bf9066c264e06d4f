using System.Globalization;

namespace HipecSafe.Hil.Plant.Sensors;

/// <summary>
/// Error model of the sensor board (hil/PLANT.md, "Sensors"). Each channel's error = a fixed calibration offset drawn
/// once per probe (uniform within ±OffsetMax) + per-sample Gaussian noise truncated at ±NoiseBound + quantisation to
/// the register resolution; temperatures also pass through the probe's first-order thermal lag.
/// Defaults keep every temperature within ±0.1 °C of the (lagged) truth: 0.05 + 0.04 + 0.005 = 0.095 °C.
/// </summary>
public sealed record SensorBoardParameters
{
    public static SensorBoardParameters Default { get; } = new();

    public double TemperatureOffsetMaxC { get; init; } = 0.05;
    public double TemperatureNoiseSigmaC { get; init; } = 0.015;
    public double TemperatureNoiseBoundC { get; init; } = 0.04;

    /// <summary>Flow-through cell probes on the inflow and outflow lines.</summary>
    public double LineProbeTimeConstantSeconds { get; init; } = 1.0;
    public double AbdominalProbeTimeConstantSeconds { get; init; } = 3.0;
    /// <summary>Oesophageal probe.</summary>
    public double CoreProbeTimeConstantSeconds { get; init; } = 5.0;

    public double PressureOffsetMaxMmHg { get; init; } = 1.0;
    public double PressureNoiseSigmaMmHg { get; init; } = 0.3;
    public double PressureNoiseBoundMmHg { get; init; } = 1.0;

    public double FlowOffsetMaxMlPerMin { get; init; } = 10.0;
    public double FlowNoiseSigmaMlPerMin { get; init; } = 5.0;
    public double FlowNoiseBoundMlPerMin { get; init; } = 15.0;

    public double VolumeOffsetMaxMl { get; init; } = 10.0;
    public double VolumeNoiseSigmaMl { get; init; } = 3.0;
    public double VolumeNoiseBoundMl { get; init; } = 10.0;

    /// <summary>Counter value before the first sample; the first frame carries this + 1.</summary>
    public ushort InitialSampleCounter { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        NoiseClass(TemperatureOffsetMaxC, TemperatureNoiseSigmaC, TemperatureNoiseBoundC, "Temperature");
        NoiseClass(PressureOffsetMaxMmHg, PressureNoiseSigmaMmHg, PressureNoiseBoundMmHg, "Pressure");
        NoiseClass(FlowOffsetMaxMlPerMin, FlowNoiseSigmaMlPerMin, FlowNoiseBoundMlPerMin, "Flow");
        NoiseClass(VolumeOffsetMaxMl, VolumeNoiseSigmaMl, VolumeNoiseBoundMl, "Volume");
        TimeConstant(LineProbeTimeConstantSeconds, nameof(LineProbeTimeConstantSeconds));
        TimeConstant(AbdominalProbeTimeConstantSeconds, nameof(AbdominalProbeTimeConstantSeconds));
        TimeConstant(CoreProbeTimeConstantSeconds, nameof(CoreProbeTimeConstantSeconds));
    }

    private static void NoiseClass(double offsetMax, double sigma, double bound, string kind)
    {
        if (!(offsetMax >= 0) || !double.IsFinite(offsetMax))
        {
            throw new ArgumentException(Text($"{kind}OffsetMax must be a finite number ≥ 0, got {offsetMax}"), kind + "OffsetMax");
        }

        if (!(sigma >= 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentException(Text($"{kind}NoiseSigma must be a finite number ≥ 0, got {sigma}"), kind + "NoiseSigma");
        }

        // A bound below one sigma would make the rejection sampler spin for a long time.
        if (!(bound >= sigma) || !double.IsFinite(bound))
        {
            throw new ArgumentException(Text($"{kind}NoiseBound ({bound}) must be finite and ≥ {kind}NoiseSigma ({sigma})"), kind + "NoiseBound");
        }
    }

    private static void TimeConstant(double seconds, string name)
    {
        if (!(seconds >= 0) || !double.IsFinite(seconds))
        {
            throw new ArgumentException(Text($"{name} must be a finite number ≥ 0 (0 = no lag), got {seconds}"), name);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

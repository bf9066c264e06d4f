using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Plant.Sensors;

/// <summary>
/// The actuator board's own over-temperature sensor at the heater outlet (docs/icd.md <c>limiter_temp</c>): an
/// independent probe with its own lag, calibration offset and noise, quantised to 0.01 °C. The board emulator compares
/// it with the 46.0 °C trip; the plant only provides the reading.
/// </summary>
public sealed class LimiterTemperatureSensor
{
    public const double DefaultTimeConstantSeconds = 1.5;
    public const double DefaultOffsetMaxC = 0.05;
    public const double DefaultNoiseSigmaC = 0.03;
    public const double DefaultNoiseBoundC = 0.08;

    private readonly BoundedGaussian _noise;
    private readonly double _timeConstant;
    private readonly double _sigma;
    private readonly double _bound;
    private double _lagged;
    private double _lastTime = double.NaN;

    public LimiterTemperatureSensor(
        int seed,
        double timeConstantSeconds = DefaultTimeConstantSeconds,
        double offsetMaxC = DefaultOffsetMaxC,
        double noiseSigmaC = DefaultNoiseSigmaC,
        double noiseBoundC = DefaultNoiseBoundC)
    {
        if (!(timeConstantSeconds >= 0) || !double.IsFinite(timeConstantSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(timeConstantSeconds), timeConstantSeconds, "limiter probe time constant must be a finite number ≥ 0 s");
        }

        if (!(offsetMaxC >= 0) || !double.IsFinite(offsetMaxC))
        {
            throw new ArgumentOutOfRangeException(nameof(offsetMaxC), offsetMaxC, "limiter probe offset bound must be a finite number ≥ 0 °C");
        }

        if (!(noiseSigmaC >= 0) || !(noiseBoundC >= noiseSigmaC) || !double.IsFinite(noiseBoundC))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseBoundC), noiseBoundC, "limiter probe noise needs sigma ≥ 0 and a finite bound ≥ sigma");
        }

        _noise = new BoundedGaussian(seed);
        _timeConstant = timeConstantSeconds;
        _sigma = noiseSigmaC;
        _bound = noiseBoundC;
        CalibrationOffsetC = _noise.Uniform(offsetMaxC);
    }

    public double CalibrationOffsetC { get; }

    /// <summary>Reads the sensor at the plant's current time (call it whenever the board samples its limiter input).</summary>
    public Temperature Read(in PlantState truth)
    {
        var now = truth.Time.Seconds;
        var outlet = truth.HeaterOutletTemperature.DegreesCelsius;
        if (double.IsNaN(_lastTime) || _timeConstant <= 0)
        {
            _lagged = outlet;
        }
        else if (now > _lastTime)
        {
            _lagged += (outlet - _lagged) * (1.0 - Math.Exp(-(now - _lastTime) / _timeConstant));
        }

        _lastTime = now;
        var measured = _lagged + CalibrationOffsetC + _noise.Bounded(_sigma, _bound);
        return Temperature.FromDegreesCelsius(SensorRegister.Temperature.Quantise(measured));
    }
}

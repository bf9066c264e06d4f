using System.Globalization;

namespace HipecSafe.Hil.Plant.Sensors;

/// <summary>
/// A fault on one sensor-board channel (scenario target <c>sensor/&lt;register&gt;</c>). Applied in
/// <see cref="SensorBoardModel"/> to the measured value, never to the physics. Values are in the channel's unit:
/// °C for temperatures, mmHg for pressures, mL/min for flow, mL for reservoir volume, 0/1 for air.
/// The board-wide <c>frozen_board</c> kind is <see cref="SensorBoardModel.FreezeBoard"/>.
/// </summary>
public abstract record SensorFault
{
    private protected SensorFault()
    {
    }

    /// <summary>The scenario kind name (e.g. <c>drift</c>), for logs and reports.</summary>
    public abstract string Kind { get; }

    private protected static double Finite(double value, string kind, string parameter) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, string.Create(CultureInfo.InvariantCulture, $"{kind}: {parameter} must be a finite number, got {value}"));
}

/// <summary><c>stuck</c>: the channel holds the last value it reported before the fault.</summary>
public sealed record SensorStuck : SensorFault
{
    public override string Kind => "stuck";
}

/// <summary><c>offset {delta}</c>: a constant error added to the measurement.</summary>
public sealed record SensorOffset : SensorFault
{
    public SensorOffset(double delta) => Delta = Finite(delta, "offset", "delta");

    public double Delta { get; }
    public override string Kind => "offset";
}

/// <summary><c>drift {rate_c_per_min | rate_per_min}</c>: an error growing linearly from 0 at the first faulty sample.</summary>
public sealed record SensorDrift : SensorFault
{
    public SensorDrift(double ratePerMinute) => RatePerMinute = Finite(ratePerMinute, "drift", "rate_per_min");

    public double RatePerMinute { get; }
    public override string Kind => "drift";
}

/// <summary><c>noise {sigma}</c>: extra, unbounded Gaussian noise on top of the channel's own.</summary>
public sealed record SensorNoise : SensorFault
{
    public SensorNoise(double sigma)
    {
        if (!(Finite(sigma, "noise", "sigma") > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "noise: sigma must be > 0");
        }

        Sigma = sigma;
    }

    public double Sigma { get; }
    public override string Kind => "noise";
}

/// <summary>
/// <c>spike {value}</c>: the channel reads <see cref="Value"/> for <see cref="Samples"/> consecutive samples
/// (one by default: a single glitch), then the fault clears itself.
/// </summary>
public sealed record SensorSpike : SensorFault
{
    public SensorSpike(double value, int samples = 1)
    {
        Value = Finite(value, "spike", "value");
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "spike: samples must be ≥ 1");
        }

        Samples = samples;
    }

    public double Value { get; }
    public int Samples { get; }
    public override string Kind => "spike";
}

/// <summary><c>dropout</c>: open/short probe; the board sets the channel's fault bit and the register reads its rail value.</summary>
public sealed record SensorDropout : SensorFault
{
    public override string Kind => "dropout";
}

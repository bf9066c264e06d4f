using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Hil.Plant.Sensors;

/// <summary>
/// The sensor board's measurement chain: turns the plant's physical truth into the <see cref="SensorFrame"/> the board
/// would publish — probe lag, per-probe calibration offset, bounded noise, register quantisation, range check into
/// <c>channel_fault_bits</c>, the 20 Hz <c>sample_counter</c>, and the injected sensor faults. Call <see cref="Sample"/>
/// once per board sample (every 50 ms of plant time). Deterministic for a given seed and sequence of calls.
/// </summary>
public sealed class SensorBoardModel
{
    /// <summary>The board's sampling period (20 Hz, docs/icd.md).</summary>
    public static readonly Duration SamplePeriod = Duration.FromMilliseconds(50);

    private static readonly int ChannelCount = Enum.GetValues<SensorChannel>().Length;

    private readonly SensorBoardParameters _p;
    private readonly BoundedGaussian _noise;
    private readonly SensorRegister[] _register;
    private readonly double[] _offset;
    private readonly double[] _sigma;
    private readonly double[] _bound;
    private readonly double[] _timeConstant;
    private readonly double[] _lagged;
    private readonly double[] _lagFactor;
    private double _lagFactorDt = double.NaN;
    private readonly double[] _lastReported;
    private readonly double[] _truth;
    private readonly SensorFault?[] _faults;
    private readonly double[] _faultOnset;
    private readonly double[] _stuckValue;
    private readonly int[] _spikeLeft;
    private ushort _counter;
    private double _lastTime = double.NaN;
    private SensorFrame? _lastFrame;

    public SensorBoardModel(int seed, SensorBoardParameters? parameters = null)
    {
        _p = parameters ?? SensorBoardParameters.Default;
        _p.Validate();
        _noise = new BoundedGaussian(seed);
        _counter = _p.InitialSampleCounter;
        _register = new SensorRegister[ChannelCount];
        _offset = new double[ChannelCount];
        _sigma = new double[ChannelCount];
        _bound = new double[ChannelCount];
        _timeConstant = new double[ChannelCount];
        _lagged = new double[ChannelCount];
        _lagFactor = new double[ChannelCount];
        _lastReported = new double[ChannelCount];
        _truth = new double[ChannelCount];
        _faults = new SensorFault?[ChannelCount];
        _faultOnset = new double[ChannelCount];
        _stuckValue = new double[ChannelCount];
        _spikeLeft = new int[ChannelCount];

        // Calibration offsets are drawn once, in channel order, so a seed names one physical set of probes.
        for (var i = 0; i < ChannelCount; i++)
        {
            var channel = (SensorChannel)i;
            (_register[i], var offsetMax, _sigma[i], _bound[i], _timeConstant[i]) = channel switch
            {
                SensorChannel.InflowA or SensorChannel.InflowB or SensorChannel.Outflow =>
                    (SensorRegister.Temperature, _p.TemperatureOffsetMaxC, _p.TemperatureNoiseSigmaC, _p.TemperatureNoiseBoundC, _p.LineProbeTimeConstantSeconds),
                SensorChannel.Abdomen1 or SensorChannel.Abdomen2 or SensorChannel.Abdomen3 or SensorChannel.Abdomen4 =>
                    (SensorRegister.Temperature, _p.TemperatureOffsetMaxC, _p.TemperatureNoiseSigmaC, _p.TemperatureNoiseBoundC, _p.AbdominalProbeTimeConstantSeconds),
                SensorChannel.Core =>
                    (SensorRegister.Temperature, _p.TemperatureOffsetMaxC, _p.TemperatureNoiseSigmaC, _p.TemperatureNoiseBoundC, _p.CoreProbeTimeConstantSeconds),
                SensorChannel.InflowPressure or SensorChannel.AbdominalPressure =>
                    (SensorRegister.Pressure, _p.PressureOffsetMaxMmHg, _p.PressureNoiseSigmaMmHg, _p.PressureNoiseBoundMmHg, 0.0),
                SensorChannel.Flow => (SensorRegister.Flow, _p.FlowOffsetMaxMlPerMin, _p.FlowNoiseSigmaMlPerMin, _p.FlowNoiseBoundMlPerMin, 0.0),
                SensorChannel.ReservoirVolume => (SensorRegister.Volume, _p.VolumeOffsetMaxMl, _p.VolumeNoiseSigmaMl, _p.VolumeNoiseBoundMl, 0.0),
                SensorChannel.AirDetected => (SensorRegister.Flag, 0.0, 0.0, 0.0, 0.0),
                _ => throw new InvalidOperationException($"no sensor model for channel {channel}"),
            };
            _offset[i] = _noise.Uniform(offsetMax);
        }
    }

    /// <summary>True while <c>frozen_board</c> is active: no new samples, the counter and every register hold.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>The calibration offset drawn for <paramref name="channel"/> (channel unit).</summary>
    public double CalibrationOffset(SensorChannel channel) => _offset[(int)channel];

    /// <summary>The fault active on <paramref name="channel"/>, if any.</summary>
    public SensorFault? ActiveFault(SensorChannel channel) => _faults[(int)channel];

    /// <summary>Activates <paramref name="fault"/> on <paramref name="channel"/>, replacing any fault already there. It takes effect from the next sample.</summary>
    public void Inject(SensorChannel channel, SensorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var i = Index(channel);
        _faults[i] = fault;
        _faultOnset[i] = double.NaN;
        _spikeLeft[i] = fault is SensorSpike spike ? spike.Samples : 0;
    }

    /// <summary>Ends the fault on <paramref name="channel"/> (no effect when none is active).</summary>
    public void Clear(SensorChannel channel) => _faults[Index(channel)] = null;

    /// <summary>
    /// <c>frozen_board</c>: the board stops sampling; <see cref="Sample"/> returns the last frame unchanged (a board
    /// frozen before its first sample still publishes that one frame, as the registers must hold something).
    /// </summary>
    public void FreezeBoard() => IsFrozen = true;

    /// <summary>Ends <c>frozen_board</c>: sampling and the counter resume from where they stopped.</summary>
    public void UnfreezeBoard() => IsFrozen = false;

    /// <summary>Takes one board sample of <paramref name="truth"/>.</summary>
    public SensorFrame Sample(in PlantState truth)
    {
        if (IsFrozen && _lastFrame is not null)
        {
            return _lastFrame;
        }

        var now = truth.Time.Seconds;
        var dt = double.IsNaN(_lastTime) ? double.NaN : now - _lastTime;
        _lastTime = now;
        LoadTruth(truth);
        if (dt > 0 && !(Math.Abs(dt - _lagFactorDt) <= 1e-9))
        {
            // The board samples at a fixed period, so the lag factors are computed once, not per sample.
            _lagFactorDt = dt;
            for (var i = 0; i < ChannelCount; i++)
            {
                _lagFactor[i] = _timeConstant[i] > 0 ? 1.0 - Math.Exp(-dt / _timeConstant[i]) : 1.0;
            }
        }

        ushort faultBits = 0;
        for (var i = 0; i < ChannelCount; i++)
        {
            var value = Measure(i, dt);
            var fault = _faults[i];
            if (fault is not null)
            {
                value = ApplyFault(i, fault, value, now);
            }

            var register = _register[i];
            var dropout = fault is SensorDropout;
            if (dropout || !register.InRange(value))
            {
                faultBits |= (ushort)(1 << i);
            }

            value = dropout ? register.Rail : register.Quantise(value);
            _lastReported[i] = value;
        }

        _counter = unchecked((ushort)(_counter + 1));
        _lastFrame = new SensorFrame(
            _counter,
            faultBits,
            TemperatureOf(SensorChannel.InflowA),
            TemperatureOf(SensorChannel.InflowB),
            TemperatureOf(SensorChannel.Outflow),
            TemperatureOf(SensorChannel.Abdomen1),
            TemperatureOf(SensorChannel.Abdomen2),
            TemperatureOf(SensorChannel.Abdomen3),
            TemperatureOf(SensorChannel.Abdomen4),
            TemperatureOf(SensorChannel.Core),
            Pressure.FromMillimetersOfMercury(_lastReported[(int)SensorChannel.InflowPressure]),
            VolumetricFlow.FromMillilitersPerMinute(_lastReported[(int)SensorChannel.Flow]),
            Volume.FromMilliliters(_lastReported[(int)SensorChannel.ReservoirVolume]),
            // An open air detector reads "air" (no ultrasonic coupling): the fail-safe reading.
            _lastReported[(int)SensorChannel.AirDetected] >= 0.5,
            Pressure.FromMillimetersOfMercury(_lastReported[(int)SensorChannel.AbdominalPressure]));
        return _lastFrame;
    }

    private Temperature TemperatureOf(SensorChannel channel) =>
        Temperature.FromDegreesCelsius(_lastReported[(int)channel]);

    private void LoadTruth(in PlantState truth)
    {
        _truth[(int)SensorChannel.InflowA] = truth.InflowTemperature.DegreesCelsius;
        _truth[(int)SensorChannel.InflowB] = truth.InflowTemperature.DegreesCelsius;
        _truth[(int)SensorChannel.Outflow] = truth.OutflowTemperature.DegreesCelsius;
        _truth[(int)SensorChannel.Abdomen1] = truth.AbdomenProbe1.DegreesCelsius;
        _truth[(int)SensorChannel.Abdomen2] = truth.AbdomenProbe2.DegreesCelsius;
        _truth[(int)SensorChannel.Abdomen3] = truth.AbdomenProbe3.DegreesCelsius;
        _truth[(int)SensorChannel.Abdomen4] = truth.AbdomenProbe4.DegreesCelsius;
        _truth[(int)SensorChannel.Core] = truth.CoreTemperature.DegreesCelsius;
        _truth[(int)SensorChannel.InflowPressure] = truth.InflowLinePressure.MillimetersOfMercury;
        _truth[(int)SensorChannel.Flow] = truth.InflowFlow.MillilitersPerMinute;
        _truth[(int)SensorChannel.ReservoirVolume] = truth.ReservoirVolume.Milliliters;
        _truth[(int)SensorChannel.AirDetected] = truth.AirInLine ? 1.0 : 0.0;
        _truth[(int)SensorChannel.AbdominalPressure] = truth.AbdominalPressure.MillimetersOfMercury;
    }

    /// <summary>Healthy measurement: probe lag (exact first-order update), calibration offset, bounded noise.</summary>
    private double Measure(int i, double dt)
    {
        var truth = _truth[i];
        if (double.IsNaN(dt))
        {
            _lagged[i] = truth;
        }
        else if (dt > 0)
        {
            _lagged[i] += (truth - _lagged[i]) * _lagFactor[i];
        }

        return _lagged[i] + _offset[i] + _noise.Bounded(_sigma[i], _bound[i]);
    }

    private double ApplyFault(int i, SensorFault fault, double healthy, double now)
    {
        if (double.IsNaN(_faultOnset[i]))
        {
            // The first faulty sample: remember when, and what the channel last showed (for stuck).
            _faultOnset[i] = now;
            _stuckValue[i] = _lastFrame is null ? healthy : _lastReported[i];
        }

        switch (fault)
        {
            case SensorStuck:
                return _stuckValue[i];
            case SensorOffset offset:
                return healthy + offset.Delta;
            case SensorDrift drift:
                return healthy + (drift.RatePerMinute * (now - _faultOnset[i]) / 60.0);
            case SensorNoise noise:
                return healthy + (noise.Sigma * _noise.Standard());
            case SensorSpike spike:
                if (--_spikeLeft[i] <= 0)
                {
                    _faults[i] = null;
                }

                return spike.Value;
            case SensorDropout:
                return healthy;
            default:
                throw new InvalidOperationException($"unknown sensor fault kind {fault.GetType().Name}");
        }
    }

    private static int Index(SensorChannel channel)
    {
        var i = (int)channel;
        return i >= 0 && i < ChannelCount
            ? i
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a sensor-board channel");
    }
}

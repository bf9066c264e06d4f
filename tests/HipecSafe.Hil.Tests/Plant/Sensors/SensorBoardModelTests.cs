using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Plant.Sensors;

public class SensorBoardModelTests
{
    private static readonly SensorChannel[] TemperatureChannels =
    [
        SensorChannel.InflowA, SensorChannel.InflowB, SensorChannel.Outflow, SensorChannel.Abdomen1,
        SensorChannel.Abdomen2, SensorChannel.Abdomen3, SensorChannel.Abdomen4, SensorChannel.Core,
    ];

    private static double Value(SensorFrame frame, SensorChannel channel) => channel switch
    {
        SensorChannel.InflowA => frame.InflowA.DegreesCelsius,
        SensorChannel.InflowB => frame.InflowB.DegreesCelsius,
        SensorChannel.Outflow => frame.Outflow.DegreesCelsius,
        SensorChannel.Abdomen1 => frame.Abdomen1.DegreesCelsius,
        SensorChannel.Abdomen2 => frame.Abdomen2.DegreesCelsius,
        SensorChannel.Abdomen3 => frame.Abdomen3.DegreesCelsius,
        SensorChannel.Abdomen4 => frame.Abdomen4.DegreesCelsius,
        SensorChannel.Core => frame.Core.DegreesCelsius,
        SensorChannel.InflowPressure => frame.InflowPressure.MillimetersOfMercury,
        SensorChannel.Flow => frame.Flow.MillilitersPerMinute,
        SensorChannel.ReservoirVolume => frame.ReservoirVolume.Milliliters,
        SensorChannel.AirDetected => frame.AirDetected ? 1 : 0,
        SensorChannel.AbdominalPressure => frame.AbdominalPressure.MillimetersOfMercury,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static List<SensorFrame> Sample(SensorBoardModel board, int count, double startSeconds = 0, double temperatureC = 42.0)
    {
        var frames = new List<SensorFrame>(count);
        for (var i = 0; i < count; i++)
        {
            frames.Add(board.Sample(SensorTruth.At(startSeconds + (i * 0.05), temperatureC)));
        }

        return frames;
    }

    [Fact]
    [Verifies("SRS-HIL-012")]
    public void Every_temperature_sample_is_within_a_tenth_of_a_degree_of_truth()
    {
        var worst = 0.0;
        var sumSquares = 0.0;
        var count = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var board = new SensorBoardModel(seed);
            for (var i = 0; i < 2500; i++)
            {
                var truth = SensorTruth.At(i * 0.05);
                var frame = board.Sample(truth);
                foreach (var channel in TemperatureChannels)
                {
                    var error = Value(frame, channel) - SensorTruth.TemperatureOf(channel, truth) - board.CalibrationOffset(channel);
                    var total = Value(frame, channel) - SensorTruth.TemperatureOf(channel, truth);
                    Assert.InRange(total, -0.1, 0.1);
                    worst = Math.Max(worst, Math.Abs(total));
                    sumSquares += error * error;
                    count++;
                }
            }
        }

        // The error model is really there: offsets reach toward their bound and the noise has its sigma.
        Assert.True(worst > 0.07, $"worst error {worst}");
        Assert.InRange(Math.Sqrt(sumSquares / count), 0.012, 0.02);
    }

    [Fact]
    [Verifies("SRS-HIL-012")]
    public void Calibration_offsets_are_fixed_per_probe_and_within_five_hundredths()
    {
        var offsets = Enumerable.Range(0, 200).SelectMany(seed =>
        {
            var board = new SensorBoardModel(seed);
            return TemperatureChannels.Select(board.CalibrationOffset);
        }).ToList();

        Assert.All(offsets, o => Assert.InRange(o, -0.05, 0.05));
        Assert.True(offsets.Max() > 0.045 && offsets.Min() < -0.045);
    }

    [Fact]
    [Verifies("SRS-HIL-012")]
    public void Values_are_quantised_to_the_register_resolution()
    {
        var board = new SensorBoardModel(7);
        foreach (var frame in Sample(board, 200))
        {
            foreach (var channel in TemperatureChannels)
            {
                AssertMultiple(Value(frame, channel), 100);
            }

            AssertMultiple(frame.InflowPressure.MillimetersOfMercury, 10);
            AssertMultiple(frame.AbdominalPressure.MillimetersOfMercury, 10);
            AssertMultiple(frame.Flow.MillilitersPerMinute, 1);
            AssertMultiple(frame.ReservoirVolume.Milliliters, 1);
            Assert.InRange(frame.InflowPressure.MillimetersOfMercury, 130.37 - 2.0, 132.37 + 2.0);
            Assert.InRange(frame.Flow.MillilitersPerMinute, 1987.6 - 26, 1987.6 + 26);
            Assert.InRange(frame.ReservoirVolume.Milliliters, 1389.4 - 21, 1389.4 + 21);
        }

        static void AssertMultiple(double value, double countsPerUnit)
        {
            var counts = value * countsPerUnit;
            Assert.Equal(Math.Round(counts), counts, 1e-6);
        }
    }

    [Fact]
    [Verifies("SRS-HIL-012")]
    public void Probes_follow_a_temperature_step_with_their_lag()
    {
        var board = new SensorBoardModel(3, SensorBoardParameters.Default with { TemperatureNoiseSigmaC = 0, TemperatureNoiseBoundC = 0, TemperatureOffsetMaxC = 0 });
        Sample(board, 20, 0, 37.0);
        var afterStep = Sample(board, 60, 1.0, 42.0);

        // 3 s after the step (the abdominal probe's time constant) it shows 63 % of the 5 °C step.
        var at3s = afterStep[59];
        Assert.Equal(37.2 + (5 * 0.632), at3s.Abdomen1.DegreesCelsius, 0.03);
        Assert.Equal(37.0 + 1.3 + 5.0, at3s.InflowA.DegreesCelsius, 0.3);
    }

    [Fact]
    [Verifies("SRS-HIL-013")]
    public void The_counter_advances_by_one_per_sample_and_wraps()
    {
        var board = new SensorBoardModel(1, SensorBoardParameters.Default with { InitialSampleCounter = 65533 });
        var counters = Sample(board, 5).Select(f => (int)f.SampleCounter).ToArray();

        Assert.Equal([65534, 65535, 0, 1, 2], counters);
    }

    [Fact]
    [Verifies("SRS-HIL-013")]
    public void A_frozen_board_repeats_its_last_frame_until_it_thaws()
    {
        var board = new SensorBoardModel(1);
        var last = Sample(board, 10)[^1];

        board.FreezeBoard();
        var frozen = Sample(board, 40, 10.0, temperatureC: 30.0);
        Assert.All(frozen, f => Assert.Same(last, f));

        board.UnfreezeBoard();
        var thawed = board.Sample(SensorTruth.At(20.0, 30.0));
        Assert.Equal(unchecked((ushort)(last.SampleCounter + 1)), thawed.SampleCounter);
        Assert.InRange(thawed.Outflow.DegreesCelsius, 29.0, 37.0);
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void Stuck_holds_the_last_reported_value_while_the_truth_moves()
    {
        var board = new SensorBoardModel(5);
        var last = Sample(board, 20)[^1];

        board.Inject(SensorChannel.InflowA, new SensorStuck());
        var stuck = Sample(board, 200, 1.0, temperatureC: 44.0);

        Assert.All(stuck, f => Assert.Equal(last.InflowA, f.InflowA));
        Assert.True(stuck[^1].InflowB.DegreesCelsius > 45.0, "the redundant probe still follows the truth");
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void Offset_and_drift_add_to_the_healthy_reading()
    {
        var healthy = new SensorBoardModel(11);
        var offset = new SensorBoardModel(11);
        var drifting = new SensorBoardModel(11);
        offset.Inject(SensorChannel.Core, new SensorOffset(0.8));
        drifting.Inject(SensorChannel.Outflow, new SensorDrift(0.5));

        for (var i = 0; i < 20 * 120; i++)
        {
            var truth = SensorTruth.At(i * 0.05);
            var h = healthy.Sample(truth);
            var o = offset.Sample(truth);
            var d = drifting.Sample(truth);
            // Both readings are quantised to 0.01 °C, so they may differ by one count from the exact sum.
            Assert.Equal(h.Core.DegreesCelsius + 0.8, o.Core.DegreesCelsius, 0.0101);
            Assert.Equal(h.Outflow.DegreesCelsius + (0.5 * i * 0.05 / 60.0), d.Outflow.DegreesCelsius, 0.0101);
            Assert.Equal(h.InflowA, d.InflowA);
        }
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void Noise_fault_adds_noise_of_the_given_sigma()
    {
        var board = new SensorBoardModel(13);
        board.Inject(SensorChannel.Abdomen2, new SensorNoise(0.5));
        var errors = Sample(board, 4000).Select(f => f.Abdomen2.DegreesCelsius - 42.1).ToList();
        var mean = errors.Average();
        var sigma = Math.Sqrt(errors.Select(e => (e - mean) * (e - mean)).Average());

        Assert.InRange(sigma, 0.46, 0.54);
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void A_spike_lasts_its_samples_then_clears_itself()
    {
        var board = new SensorBoardModel(17);
        Sample(board, 5);
        board.Inject(SensorChannel.InflowPressure, new SensorSpike(900.0, samples: 2));
        var frames = Sample(board, 4, 1.0);

        Assert.Equal([900.0, 900.0], frames.Take(2).Select(f => f.InflowPressure.MillimetersOfMercury));
        Assert.InRange(frames[2].InflowPressure.MillimetersOfMercury, 129.0, 134.0);
        Assert.Null(board.ActiveFault(SensorChannel.InflowPressure));
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void Dropout_sets_the_fault_bit_and_the_rail_value_until_cleared()
    {
        var board = new SensorBoardModel(19);
        board.Inject(SensorChannel.Abdomen3, new SensorDropout());
        board.Inject(SensorChannel.Flow, new SensorDropout());
        board.Inject(SensorChannel.AirDetected, new SensorDropout());
        var frame = board.Sample(SensorTruth.At(0));

        Assert.True(frame.IsChannelFaulted(SensorChannel.Abdomen3));
        Assert.True(frame.IsChannelFaulted(SensorChannel.Flow));
        Assert.Equal(-327.68, frame.Abdomen3.DegreesCelsius, 1e-9);
        Assert.Equal(65535.0, frame.Flow.MillilitersPerMinute);
        Assert.True(frame.AirDetected, "a dead air detector reads air (fail-safe)");
        Assert.Equal((ushort)((1 << (int)SensorChannel.Abdomen3) | (1 << (int)SensorChannel.Flow) | (1 << (int)SensorChannel.AirDetected)), frame.ChannelFaultBits);

        board.Clear(SensorChannel.Abdomen3);
        board.Clear(SensorChannel.Flow);
        board.Clear(SensorChannel.AirDetected);
        var healthy = board.Sample(SensorTruth.At(0.05));
        Assert.Equal(0, healthy.ChannelFaultBits);
        Assert.False(healthy.AirDetected);
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void A_value_driven_out_of_the_measuring_range_sets_the_fault_bit()
    {
        var board = new SensorBoardModel(23);
        board.Inject(SensorChannel.Core, new SensorOffset(100.0));
        var frame = board.Sample(SensorTruth.At(0));

        Assert.True(frame.IsChannelFaulted(SensorChannel.Core));
        Assert.InRange(frame.Core.DegreesCelsius, 138.0, 138.3);
        Assert.Equal(1 << (int)SensorChannel.Core, frame.ChannelFaultBits);
    }

    [Fact]
    [Verifies("SRS-HIL-014")]
    public void Sensor_faults_never_touch_the_physics()
    {
        var faulty = new PerfusionPlant();
        var clean = new PerfusionPlant();
        var board = new SensorBoardModel(29);
        board.Inject(SensorChannel.InflowA, new SensorOffset(5));
        board.Inject(SensorChannel.Flow, new SensorDropout());
        board.FreezeBoard();
        var inputs = new PlantInputs(500, true, 50, true);
        for (var i = 0; i < 2000; i++)
        {
            faulty.Step(PlantRig.Tick, inputs);
            clean.Step(PlantRig.Tick, inputs);
            board.Sample(faulty.State);
        }

        Assert.Equal(clean.State, faulty.State);
    }

    [Fact]
    [Verifies("SRS-HIL-015")]
    public void The_same_seed_gives_the_same_frames_and_another_seed_other_ones()
    {
        var a = Sample(new SensorBoardModel(42), 500);
        var b = Sample(new SensorBoardModel(42), 500);
        var c = Sample(new SensorBoardModel(43), 500);

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(f => f.Abdomen1), c.Select(f => f.Abdomen1));
    }
}

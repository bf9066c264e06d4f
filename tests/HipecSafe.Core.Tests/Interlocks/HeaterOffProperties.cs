using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// Whatever the temperatures do, an abdominal or inflow reading at or above its limit leaves the heater off.
/// Sequences of samples with random cycle times, frozen counters and phases, so rate-of-change and staleness
/// verdicts fire at random. Seeded.
/// </summary>
public class HeaterOffProperties
{
    private const string Seed = "(4401,2903)";

    private static readonly double InflowLimit = Limits.InflowHigh.DegreesCelsius;
    private static readonly double AbdominalLimit = Limits.AbdominalHigh.DegreesCelsius;
    private static readonly SensorChannel[] Inflow = [SensorChannel.InflowA, SensorChannel.InflowB];
    private static readonly SensorChannel[] Abdomen =
        [SensorChannel.Abdomen1, SensorChannel.Abdomen2, SensorChannel.Abdomen3, SensorChannel.Abdomen4];

    /// <summary>
    /// Any physically possible temperature sequence (0–60 °C, no board fault bits; jumps, frozen counters and stale
    /// samples included): a probe at or above its limit means heater off, in every phase, in that very cycle.
    /// </summary>
    [Property(Replay = Seed, MaxTest = 200)]
    [Verifies("SRS-IL-044", "SRS-IL-007", "SRS-IL-008")]
    public Property Any_possible_reading_at_or_above_a_limit_means_heater_off() =>
        Prop.ForAll(Sequences(0, 60, withFaults: false), samples =>
            EveryCycle(samples, Run(samples).ToList(), (f, _) => AnyAtOrAbove(f, Inflow, InflowLimit, _ => true)
                                                                 || AnyAtOrAbove(f, Abdomen, AbdominalLimit, _ => true)));

    /// <summary>
    /// Arbitrary numbers (−40 to 120 °C) and board fault bits: a reading at or above its limit means heater off
    /// whenever it is a measurement (in range, not flagged). A broken channel's number is not a temperature; the
    /// probe-fault rules cover it and switch the heater off once redundancy is used up (both inflow probes, or two
    /// abdominal probes), which is checked after holding the last sample for the 200 ms debounce.
    /// </summary>
    [Property(Replay = Seed, MaxTest = 200)]
    [Verifies("SRS-IL-044", "SRS-IL-011", "SRS-IL-014")]
    public Property With_broken_channels_a_measured_reading_at_a_limit_or_lost_redundancy_means_heater_off() =>
        Prop.ForAll(Sequences(-40, 120, withFaults: true), samples =>
        {
            var held = samples.Concat(Enumerable.Repeat(samples[^1] with { DtMs = 100, Fresh = true }, 3)).ToArray();
            var results = Run(held).ToList();
            var hot = EveryCycle(held, results, (f, v) => AnyAtOrAbove(f, Inflow, InflowLimit, v.IsMeasurement)
                                                          || AnyAtOrAbove(f, Abdomen, AbdominalLimit, v.IsMeasurement));
            var (_, last) = results[^1];
            var phase = held[^1].Phase;
            var lost = Inflow.All(last.Sensors.HasSignalFault) || Abdomen.Count(last.Sensors.HasSignalFault) >= 2;
            var mustBeOff = lost && InterlockPhases.PatientConnected.Contains(phase);
            var redundancy = (!mustBeOff || HeaterOff(last))
                .Label($"{phase}: redundancy lost, but heater {last.Constrain(Running).Command.HeaterPowerPermille} ‰");
            return hot.And(redundancy);
        });

    /// <summary>One sample: time since the previous one, whether the board took a new sample, six temperatures.</summary>
    private sealed record Sample(int DtMs, bool Fresh, double[] Temperatures, ushort FaultBits, Phase Phase);

    private static Gen<double> Celsius(double min, double max) =>
        Gen.OneOf(
            Gen.Choose((int)(min * 100), (int)(max * 100)).Select(v => v / 100.0),
            // Bias towards the limits, where the boundaries are.
            Gen.Elements(InflowLimit - 0.01, InflowLimit, InflowLimit + 0.01, AbdominalLimit - 0.01, AbdominalLimit, AbdominalLimit + 0.01));

    private static Gen<Sample> Samples(double min, double max, bool withFaults) =>
        from dt in Gen.Choose(10, 400)
        from fresh in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from temperatures in Gen.ArrayOf(Celsius(min, max), 6)
        from bits in withFaults ? Gen.Choose(0, 0x7F).Select(b => (ushort)b) : Gen.Constant((ushort)0)
        from phase in Gen.Elements(Enum.GetValues<Phase>())
        select new Sample(dt, fresh, temperatures, bits, phase);

    /// <summary>1–40 samples: long enough for every persistence time and stale limit to come into play.</summary>
    private static Arbitrary<Sample[]> Sequences(double min, double max, bool withFaults) =>
        (from length in Gen.Choose(1, 40)
         from samples in Gen.ArrayOf(Samples(min, max, withFaults), length)
         select samples).ToArbitrary();

    /// <summary>Feeds the samples to a fresh engine, one evaluation per sample.</summary>
    private static IEnumerable<(SensorFrame Frame, InterlockEvaluation Evaluation)> Run(Sample[] samples)
    {
        var engine = new InterlockEngine(Limits);
        var state = engine.Initial;
        var now = TimeSpan.Zero;
        var frame = Nominal();
        foreach (var s in samples)
        {
            now += Ms(s.DtMs);
            var t = s.Temperatures;
            frame = frame with
            {
                SampleCounter = s.Fresh ? unchecked((ushort)(frame.SampleCounter + 1)) : frame.SampleCounter,
                ChannelFaultBits = s.FaultBits,
                InflowA = T(t[0]),
                InflowB = T(t[1]),
                Abdomen1 = T(t[2]),
                Abdomen2 = T(t[3]),
                Abdomen3 = T(t[4]),
                Abdomen4 = T(t[5]),
            };
            var step = engine.Evaluate(state, new InterlockInput(now, s.Phase, frame, NominalFeedback(), Running,
                VolumetricFlow.FromLitersPerMinute(2), frame.ReservoirVolume, BusFailureCounts.None, TimeSpan.Zero, TimeSpan.Zero));
            state = step.State;
            yield return (frame, step.Evaluation);
        }
    }

    /// <summary>In every cycle where <paramref name="mustBeOff"/> says so, the constrained heater is off.</summary>
    private static Property EveryCycle(
        Sample[] samples,
        IReadOnlyList<(SensorFrame Frame, InterlockEvaluation Evaluation)> results,
        Func<SensorFrame, ValidatedFrame, bool> mustBeOff)
    {
        var i = 0;
        foreach (var (frame, evaluation) in results)
        {
            if (mustBeOff(frame, evaluation.Sensors) && !HeaterOff(evaluation))
            {
                var s = samples[i];
                return false.Label(
                    $"sample {i} at {evaluation.Now}: [{string.Join(", ", s.Temperatures)}] bits 0x{s.FaultBits:X2} {s.Phase}; " +
                    $"active: {string.Join(", ", evaluation.Active.Select(a => a.RuleId))}");
            }

            i++;
        }

        return true.ToProperty();
    }

    private static bool HeaterOff(InterlockEvaluation evaluation)
    {
        var command = evaluation.Constrain(Running).Command;
        return command.HeaterPowerPermille == 0 && !command.HeaterEnabled;
    }

    private static bool AnyAtOrAbove(SensorFrame f, IEnumerable<SensorChannel> channels, double limit, Func<SensorChannel, bool> counts) =>
        channels.Any(c => counts(c) && ChannelValue.Of(f, c) >= limit);
}

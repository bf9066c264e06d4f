using System.Globalization;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// Judges every channel of each sensor sample: the board's fault bit, physical range, rate of change (temperatures)
/// and staleness of the whole sample (the board's counter not advancing). Pure: what it remembers of earlier samples
/// comes in and goes out as a <see cref="SensorValidatorState"/>, and time is passed in; the instance holds only its
/// settings, so one instance may serve any number of independent sample streams, from any thread.
/// </summary>
/// <remarks>
/// The rate check compares a fresh reading with the last reading it accepted, not with the previous sample:
/// a one-sample spike is rejected without also rejecting the return to normal, and a genuine step (a probe placed
/// into warm fluid) is accepted again once the allowed band, growing at the rate limit, has caught up with it.
/// </remarks>
public sealed class SensorValidator
{
    // Shared by every frame without a fault; a ValidatedFrame never writes the arrays it is given.
    private static readonly ChannelFaults[] NoFaults = new ChannelFaults[ChannelValue.All.Count];
    private static readonly string[] NoDetails = [.. ChannelValue.All.Select(_ => "")];

    private readonly SensorValidationLimits _limits;
    private readonly PlausibleRange[] _ranges;
    private readonly TimeSpan _staleAfter;

    public SensorValidator(SensorValidationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!(limits.MaxTemperatureRateCelsiusPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(limits), limits.MaxTemperatureRateCelsiusPerSecond,
                "MaxTemperatureRateCelsiusPerSecond must be a positive number of °C/s");
        }

        // Looked up once (and so checked to exist) here rather than in a dictionary for every channel of every sample.
        _ranges = [.. ChannelValue.All.Select(limits.RangeOf)];

        _limits = limits;
        _staleAfter = DurationTicks.ToTimeSpan(limits.StaleAfter);
    }

    /// <summary>The state before the first sample: nothing seen, no rate references. The same for any settings.</summary>
    public static SensorValidatorState Initial => SensorValidatorState.Initial;

    /// <param name="state">What the previous call returned, or <see cref="Initial"/>.</param>
    /// <param name="now">Procedure time; must not go backwards from the state's.</param>
    /// <param name="frame">This cycle's sample, or null when reading the board failed.</param>
    public SensorValidation Validate(SensorValidatorState state, TimeSpan now, SensorFrame? frame)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.LastNow is { } last && now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"procedure time went backwards: {now} after {last}");
        }

        // The counter is taken to have advanced at the first call, so a board that never answers goes stale too.
        var lastAdvance = state.LastNow is null ? now : state.LastAdvance;
        var lastCounter = state.LastCounter;
        var fresh = frame is not null && frame.SampleCounter != lastCounter;
        if (fresh)
        {
            lastCounter = frame!.SampleCounter;
            lastAdvance = now;
        }

        var since = now - lastAdvance;
        var stale = since > _staleAfter;
        var count = ChannelValue.All.Count;
        // Made at the first channel with a fault; a sample without any (almost every one) shares the all-valid arrays.
        ChannelFaults[]? faults = null;
        string[]? details = null;
        var memory = new RateMemory(state);
        for (var i = 0; i < count; i++)
        {
            var channel = (SensorChannel)i;
            var (f, detail) = frame is null ? (ChannelFaults.NoSample, "no sample: the sensor board read failed") : Judge(now, frame, channel, fresh, ref memory);
            if (stale)
            {
                f |= ChannelFaults.Stale;
                detail = Join(detail, string.Create(CultureInfo.InvariantCulture, $"sample counter frozen for {since.TotalMilliseconds:0} ms"));
            }

            if (faults is null && (f != ChannelFaults.None || detail.Length > 0))
            {
                faults = new ChannelFaults[count];
                details = [.. NoDetails];
            }

            if (faults is not null)
            {
                faults[(int)channel] = f;
                details![(int)channel] = detail;
            }
        }

        return new SensorValidation(
            new ValidatedFrame(now, frame, faults ?? NoFaults, details ?? NoDetails, since, stale, owned: true),
            new SensorValidatorState(now, lastCounter, lastAdvance, memory.Accepted, memory.RateFaults));
    }

    private (ChannelFaults, string) Judge(TimeSpan now, SensorFrame frame, SensorChannel channel, bool fresh, ref RateMemory memory)
    {
        var i = (int)channel;
        var faults = ChannelFaults.None;
        var detail = "";
        var value = ChannelValue.Of(frame, channel);
        if (frame.IsChannelFaulted(channel))
        {
            faults |= ChannelFaults.BoardFlagged;
            detail = "sensor board reports the channel open, shorted or out of range";
        }

        var range = _ranges[i];
        if (!range.Contains(value))
        {
            faults |= ChannelFaults.OutOfRange;
            var unit = ChannelValue.Unit(channel);
            detail = Join(detail, string.Create(CultureInfo.InvariantCulture, $"{value:0.00} {unit} outside {range.Describe(unit)}"));
        }

        if (ChannelValue.IsTemperature(channel))
        {
            if (fresh)
            {
                memory.SetRateFault(i, faults == ChannelFaults.None ? JudgeRate(now, i, value, ref memory) : null);
            }

            if (memory.RateFaults[i] is { } rate)
            {
                faults |= ChannelFaults.RateOfChange;
                detail = Join(detail, rate);
            }
        }

        return (faults, detail);
    }

    /// <summary>Null when the reading is accepted (and becomes the new reference), otherwise why it was not.</summary>
    private string? JudgeRate(TimeSpan now, int i, double value, ref RateMemory memory)
    {
        if (memory.Accepted[i] is { } reference)
        {
            var elapsed = (now - reference.At).TotalSeconds;
            var allowed = _limits.MaxTemperatureRateCelsiusPerSecond * elapsed + _limits.RateNoiseAllowance.DegreesCelsius;
            var step = Math.Abs(value - reference.Value);
            if (step > allowed)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"moved {step:0.00} °C in {elapsed:0.###} s since the last plausible reading {reference.Value:0.00} °C (at most {allowed:0.00} °C at {_limits.MaxTemperatureRateCelsiusPerSecond:0.###} °C/s)");
            }
        }

        memory.SetAccepted(i, new AcceptedReading(value, now));
        return null;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;

    /// <summary>
    /// The per-channel rate memory being built for the next state: the previous state's arrays until the first
    /// change, then copies of them, so the previous state is never written and an unchanged array is shared.
    /// </summary>
    private struct RateMemory(SensorValidatorState previous)
    {
        public AcceptedReading?[] Accepted { get; private set; } = previous.Accepted;

        public string?[] RateFaults { get; private set; } = previous.RateFaults;

        public void SetAccepted(int i, AcceptedReading reading)
        {
            if (ReferenceEquals(Accepted, previous.Accepted))
            {
                Accepted = [.. Accepted];
            }

            Accepted[i] = reading;
        }

        public void SetRateFault(int i, string? fault)
        {
            if (ReferenceEquals(RateFaults[i], fault))
            {
                return;
            }

            if (ReferenceEquals(RateFaults, previous.RateFaults))
            {
                RateFaults = [.. RateFaults];
            }

            RateFaults[i] = fault;
        }
    }
}

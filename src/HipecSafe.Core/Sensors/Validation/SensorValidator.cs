using System.Globalization;

namespace HipecSafe.Core.Sensors.Validation;

/// <summary>
/// Judges every channel of each sensor sample: the board's fault bit, physical range, rate of change (temperatures)
/// and staleness of the whole sample (the board's counter not advancing). Pure apart from its memory of earlier
/// samples; time is passed in. Not thread-safe: one owner calls <see cref="Validate"/> once per cycle.
/// </summary>
/// <remarks>
/// The rate check compares a fresh reading with the last reading it accepted, not with the previous sample:
/// a one-sample spike is rejected without also rejecting the return to normal, and a genuine step (a probe placed
/// into warm fluid) is accepted again once the allowed band, growing at the rate limit, has caught up with it.
/// </remarks>
public sealed class SensorValidator
{
    private readonly SensorValidationLimits _limits;
    private readonly PlausibleRange[] _ranges;
    private readonly TimeSpan _staleAfter;
    private readonly (double Value, TimeSpan At)?[] _accepted;
    private readonly string?[] _rateFault;
    private TimeSpan? _lastNow;
    private ushort? _lastCounter;
    private TimeSpan _lastAdvance;

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
        _accepted = new (double, TimeSpan)?[ChannelValue.All.Count];
        _rateFault = new string?[ChannelValue.All.Count];
    }

    /// <param name="now">Procedure time; must not go backwards between calls.</param>
    /// <param name="frame">This cycle's sample, or null when reading the board failed.</param>
    public ValidatedFrame Validate(TimeSpan now, SensorFrame? frame)
    {
        if (_lastNow is { } last && now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"procedure time went backwards: {now} after {last}");
        }

        if (_lastNow is null)
        {
            // The counter is taken to have advanced at the first call, so a board that never answers goes stale too.
            _lastAdvance = now;
        }

        _lastNow = now;
        var fresh = frame is not null && frame.SampleCounter != _lastCounter;
        if (fresh)
        {
            _lastCounter = frame!.SampleCounter;
            _lastAdvance = now;
        }

        var since = now - _lastAdvance;
        var stale = since > _staleAfter;
        var count = ChannelValue.All.Count;
        var faults = new ChannelFaults[count];
        var details = new string[count];
        for (var i = 0; i < count; i++)
        {
            var channel = (SensorChannel)i;
            var (f, detail) = frame is null ? (ChannelFaults.NoSample, "no sample: the sensor board read failed") : Judge(now, frame, channel, fresh);
            if (stale)
            {
                f |= ChannelFaults.Stale;
                detail = Join(detail, string.Create(CultureInfo.InvariantCulture, $"sample counter frozen for {since.TotalMilliseconds:0} ms"));
            }

            faults[(int)channel] = f;
            details[(int)channel] = detail;
        }

        return new ValidatedFrame(now, frame, faults, details, since, stale, owned: true);
    }

    private (ChannelFaults, string) Judge(TimeSpan now, SensorFrame frame, SensorChannel channel, bool fresh)
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
                _rateFault[i] = faults == ChannelFaults.None ? JudgeRate(now, i, value) : null;
            }

            if (_rateFault[i] is { } rate)
            {
                faults |= ChannelFaults.RateOfChange;
                detail = Join(detail, rate);
            }
        }

        return (faults, detail);
    }

    /// <summary>Null when the reading is accepted (and becomes the new reference), otherwise why it was not.</summary>
    private string? JudgeRate(TimeSpan now, int i, double value)
    {
        if (_accepted[i] is { } reference)
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

        _accepted[i] = (value, now);
        return null;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks;

/// <summary>Shared ways for rules to read validated sensor values.</summary>
internal static class RuleReadings
{
    public const string NoSample = "no sensor sample this cycle";

    public const string NoFeedback = "no actuator board read-back this cycle";

    public const string NoHeldReadBack = "the command the board holds was not read back this cycle";

    /// <summary>
    /// The board's feedback and the command it holds, both read this cycle, for a rule that compares the two
    /// ("commanded X, board does Y"); null with the reason when either read failed. Such a rule then cannot decide: a
    /// missing read is never a trip, and the last write is not what a latched board holds (docs/icd.md §7.5).
    /// </summary>
    public static (ActuatorFeedback Feedback, ActuatorCommand Held)? BoardAndHeld(InterlockContext context, out string reason)
    {
        var input = context.Input;
        if (input.Actuators is not { } feedback)
        {
            reason = NoFeedback;
            return null;
        }

        if (!input.CommandReadBack)
        {
            reason = NoHeldReadBack;
            return null;
        }

        reason = "";
        return (feedback, input.LastCommand);
    }

    /// <summary>
    /// The hottest of <paramref name="channels"/> that is a physical measurement. Suspect readings (stale, moving
    /// implausibly fast) count: a protective rule believes a possible reading when it points to danger; broken
    /// channels (board flag, out of range) are the sensor-fault rules' business.
    /// </summary>
    public static (double Value, SensorChannel Channel)? Hottest(InterlockContext context, IReadOnlyList<SensorChannel> channels)
    {
        if (context.Sensors.Frame is not { } frame)
        {
            return null;
        }

        (double Value, SensorChannel Channel)? best = null;
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            if (!context.Sensors.IsMeasurement(channel))
            {
                continue;
            }

            var value = ChannelValue.Of(frame, channel);
            if (best is null || value > best.Value.Value)
            {
                best = (value, channel);
            }
        }

        return best;
    }

    /// <summary>One channel's value if it is a physical measurement, else null with the reason.</summary>
    public static double? Measured(InterlockContext context, SensorChannel channel, out string reason)
    {
        if (context.Sensors.Frame is not { } frame)
        {
            reason = NoSample;
            return null;
        }

        if (!context.Sensors.IsMeasurement(channel))
        {
            reason = $"{ChannelValue.Name(channel)} unusable: {context.Sensors.DetailOf(channel)}";
            return null;
        }

        reason = "";
        return ChannelValue.Of(frame, channel);
    }

    public static string NoneUsable(InterlockContext context, IEnumerable<SensorChannel> channels) =>
        context.Sensors.Frame is null
            ? NoSample
            : "no usable reading: " + string.Join("; ", channels.Select(c => $"{ChannelValue.Name(c)}: {context.Sensors.DetailOf(c)}"));
}

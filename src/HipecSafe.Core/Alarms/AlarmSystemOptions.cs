using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Alarms;

/// <summary>Settings of the alarm system.</summary>
/// <param name="AudioPauseDuration">How long PauseAudio silences the auditory signals (IEC 60601-1-8 AUDIO PAUSED
/// is time-limited; 2 min is the usual figure).</param>
public sealed record AlarmSystemOptions(Duration AudioPauseDuration)
{
    /// <summary>A longer pause would hide a persisting condition too long on a device that can overheat a patient.</summary>
    public static readonly Duration MaxAudioPause = Duration.FromMinutes(5);

    public static AlarmSystemOptions Default { get; } = new(Duration.FromMinutes(2));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting when it is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(AudioPauseDuration.Seconds) || AudioPauseDuration <= Duration.Zero || AudioPauseDuration > MaxAudioPause)
        {
            throw new ArgumentOutOfRangeException(nameof(AudioPauseDuration), AudioPauseDuration,
                $"AudioPauseDuration must be above 0 s and at most {MaxAudioPause}; it was {AudioPauseDuration}");
        }
    }
}

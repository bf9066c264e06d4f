namespace HipecSafe.Core.Alarms;

/// <summary>State of the auditory alarm signal.</summary>
public enum AudioState
{
    /// <summary>No alarm calls for sound (none displayed, or all acknowledged).</summary>
    Silent,

    /// <summary>The auditory signal of <see cref="Annunciation.AudioPriority"/> sounds.</summary>
    Sounding,

    /// <summary>At least one alarm calls for sound but the operator paused it (IEC 60601-1-8 AUDIO PAUSED).</summary>
    Paused,
}

using HipecSafe.Core.Profile;

namespace HipecSafe.Hil.Tests.Rig;

/// <summary>Profiles for rig tests, made from the embedded default by text substitution so they stay in step with it.</summary>
internal static class RigProfiles
{
    /// <summary>The default profile with the chemo phase cut to the 30 min hard minimum: a whole procedure in under an hour of simulated time.</summary>
    public static TreatmentProfile ShortChemo { get; } = WithChemo("30m");

    private static TreatmentProfile WithChemo(string duration)
    {
        const string Default = "chemo: 90m";
        var text = ProfileLoader.EmbeddedDefaultText;
        if (!text.Contains(Default, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the embedded default profile no longer contains '{Default}'; update {nameof(RigProfiles)}");
        }

        return ProfileLoader.Parse(text.Replace(Default, $"chemo: {duration}", StringComparison.Ordinal), $"default with chemo {duration}");
    }
}

namespace HipecSafe.Core.Interlocks;

/// <summary>Text for a response, as the hazard log records it.</summary>
public static class InterlockResponseText
{
    /// <summary>E.g. "safe state (heater off, clamp closed), pump stop" or "alarm only".</summary>
    public static string Describe(InterlockResponse response)
    {
        var parts = new List<string>();
        if (response.HasFlag(InterlockResponse.SafeState))
        {
            parts.Add("safe state (heater off, clamp closed)");
            response &= ~InterlockResponse.SafeState;
        }

        if (response.HasFlag(InterlockResponse.EnterSafeState))
        {
            parts.Add("safe state");
        }

        if (response.HasFlag(InterlockResponse.HeaterOff))
        {
            parts.Add("heater off");
        }

        if (response.HasFlag(InterlockResponse.PumpStop))
        {
            parts.Add("pump stop");
        }

        if (response.HasFlag(InterlockResponse.ClampClose))
        {
            parts.Add("clamp closed");
        }

        return parts.Count == 0 ? "alarm only" : string.Join(", ", parts);
    }
}

namespace HipecSafe.Hil.Oracle;

/// <summary>What the requirements and the hazard analysis say about a fault (docs/scenario-format.md §8).</summary>
public enum OracleClass
{
    /// <summary>Must be detected: the named alarm within the bound.</summary>
    Detect,

    /// <summary>Must not trip (no safe state); an alarm may still be required, e.g. for a lost redundant probe.</summary>
    Tolerate,

    /// <summary>Not detectable by design (a cited hazard-analysis entry says why); only the limits are judged.</summary>
    Undetectable,
}

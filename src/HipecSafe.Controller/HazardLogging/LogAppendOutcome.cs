namespace HipecSafe.Controller.HazardLogging;

/// <summary>What an append achieved by the time it returned.</summary>
public enum LogAppendOutcome
{
    /// <summary>On stable storage (fsynced): survives a power loss. Always the case for a healthy high-priority append.</summary>
    Durable,

    /// <summary>Handed to the operating system: survives a crash of this process; fsynced within the sync interval.</summary>
    Written,

    /// <summary>Storage is failing: held in the in-memory spill buffer, written when storage returns.</summary>
    Buffered,

    /// <summary>Storage is failing and the spill buffer had no room it was allowed to make: the record is lost (and counted).</summary>
    Lost,
}

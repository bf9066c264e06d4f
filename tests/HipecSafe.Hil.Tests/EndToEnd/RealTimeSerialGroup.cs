namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// The real-time end-to-end tests run alone: each one runs a controller and the boards on their own threads against
/// the wall clock, and the CPU-bound lockstep tests beside them would only add scheduling noise.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeSerialGroup
{
    public const string Name = "real-time serial";

    /// <summary>The trait every test of the group carries.</summary>
    public const string Category = "RealTimeSerial";
}

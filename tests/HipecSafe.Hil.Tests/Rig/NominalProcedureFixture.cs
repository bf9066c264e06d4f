using HipecSafe.Core.Profile;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Rig;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Hil.Tests.Rig;

/// <summary>
/// One whole nominal procedure (default profile with 30 min chemo, seed 1, auto operator, no faults), run once and
/// shared by every test in <see cref="NominalProcedureTests"/>: each target is its own test, the run is paid once.
/// </summary>
public sealed class NominalProcedureFixture : IDisposable
{
    public const int Seed = 1;

    /// <summary>Far beyond the ≈ 54 min the procedure needs: a procedure that stalls shows up as not completed.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromHours(2);

    private readonly string _logPath = Path.Combine(Path.GetTempPath(), $"hipecsafe-rig-nominal-{Guid.NewGuid():N}.jsonl");

    public NominalProcedureFixture()
    {
        using var rig = new SimulationRig(new RigOptions(Profile, Seed, _logPath));
        Metrics = ProcedureMetrics.Run(rig, Limit);
        FinalPlant = rig.Plant.State;
    }

    /// <summary>The plant's truth at the end of the run (what the washout's saline exchange moved, among others).</summary>
    public PlantState FinalPlant { get; }

    public TreatmentProfile Profile { get; } = RigProfiles.ShortChemo;

    public ProcedureMetrics Metrics { get; }

    public void Dispose()
    {
        File.Delete(_logPath);
        File.Delete(HazardLogHead.PathFor(_logPath));
    }
}

using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// What a restarted controller shows the operator beside the PROCEDURE-INTERRUPTED alarm: the causes and trips latched
/// before the restart, and how many records the previous run wrote after the checkpoint it resumes from. Each part is
/// shown only when there is something to tell; with nothing, the detail is empty (the alarm text stands alone).
/// </summary>
public class ProcedureResumeDetailTests
{
    private static ProcedureResume Resume(string[] causes, string[] trips, int recordsAfter) => new(
        Phase.ChemoPerfusion, TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(90), TimeSpan.Zero, TimeSpan.Zero, "default",
        CheckpointCircuitVolume.None, null, causes, trips, 41, recordsAfter, TimeSpan.FromMinutes(40));

    [Fact]
    public void Nothing_latched_and_nothing_after_the_checkpoint_is_an_empty_detail()
    {
        Assert.Equal("", Resume([], [], 0).Detail);
    }

    [Fact]
    public void Each_latched_cause_is_named()
    {
        var detail = Resume(["interlock IL-INFLOW-HIGH", "component alarms failed"], [], 0).Detail;

        Assert.Contains("IL-INFLOW-HIGH", detail, StringComparison.Ordinal);
        Assert.Contains("component alarms failed", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("records", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_latched_trip_is_named()
    {
        var detail = Resume([], ["IL-AIR", "IL-OCCLUSION"], 0).Detail;

        Assert.Contains("IL-AIR", detail, StringComparison.Ordinal);
        Assert.Contains("IL-OCCLUSION", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("records", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_after_the_checkpoint_are_counted_with_the_checkpoint_sequence()
    {
        var detail = Resume([], [], 3).Detail;

        Assert.Contains("3 records", detail, StringComparison.Ordinal);
        Assert.Contains("41", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Causes_trips_and_records_after_are_all_told()
    {
        var detail = Resume(["interlock IL-INFLOW-HIGH"], ["IL-AIR"], 1).Detail;

        var parts = detail.Split("; ");
        Assert.Equal(3, parts.Length);
        Assert.Contains("IL-INFLOW-HIGH", parts[0], StringComparison.Ordinal);
        Assert.Contains("IL-AIR", parts[1], StringComparison.Ordinal);
        Assert.Contains("1 records", parts[2], StringComparison.Ordinal);
    }
}

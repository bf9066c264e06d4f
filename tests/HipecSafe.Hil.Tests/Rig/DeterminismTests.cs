using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Rig;
using HipecSafe.TestSupport;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Hil.Tests.Rig;

/// <summary>A seed fixes a whole rig run: the same seed gives the same hazard log byte for byte, another seed other sensor values.</summary>
public sealed class DeterminismTests : IDisposable
{
    /// <summary>Long enough to cover priming, the engagement of every loop and most of the heat-up.</summary>
    private static readonly TimeSpan RunLength = TimeSpan.FromMinutes(15);

    private readonly List<string> _logs = [];

    [Fact]
    [Verifies("SRS-PC-006")]
    public void Two_runs_with_the_same_seed_write_identical_hazard_logs_and_see_identical_frames()
    {
        var first = Run(seed: 1);
        var second = Run(seed: 1);

        Assert.True(first.LogBytes.Length > 0, "the run wrote no hazard log");
        Assert.Equal(first.LogBytes, second.LogBytes);
        Assert.Equal(first.Frames, second.Frames);
    }

    [Fact]
    [Verifies("SRS-PC-006")]
    public void A_different_seed_gives_different_sensor_values()
    {
        var one = Run(seed: 1);
        var two = Run(seed: 2);

        Assert.Equal(one.Frames.Count, two.Frames.Count);
        var differing = one.Frames.Zip(two.Frames).Count(p => p.First != p.Second);
        Assert.True(differing > one.Frames.Count / 2, $"only {differing} of {one.Frames.Count} frames differ between seeds 1 and 2");
    }

    private (byte[] LogBytes, List<SensorFrame> Frames) Run(int seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hipecsafe-rig-determinism-{Guid.NewGuid():N}.jsonl");
        _logs.Add(path);
        var frames = new List<SensorFrame>();
        using (var rig = new SimulationRig(new RigOptions(RigProfiles.ShortChemo, seed, path)))
        {
            ProcedureRunner.Run(rig, RunLength, c =>
            {
                if (c.Report?.Frame is { } f)
                {
                    frames.Add(f);
                }
            });
        }

        return (File.ReadAllBytes(path), frames);
    }

    public void Dispose()
    {
        foreach (var log in _logs)
        {
            File.Delete(log);
            File.Delete(HazardLogHead.PathFor(log));
        }
    }
}

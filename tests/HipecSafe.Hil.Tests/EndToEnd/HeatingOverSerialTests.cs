using HipecSafe.Core.Phases;
using HipecSafe.Hil.RealTime;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// The controller and the emulated boards in real time over a real serial link (System.IO.Ports on both ends of a
/// socat pty pair, Modbus RTU at 115200 8E1): power-on self-test, priming and heating, with the operator steps of
/// <c>run --auto</c>. The warm-start plant keeps the heat-up to a few minutes of wall-clock time.
/// </summary>
[Collection(RealTimeSerialGroup.Name)]
[Trait("Category", RealTimeSerialGroup.Category)]
public sealed class HeatingOverSerialTests(ITestOutputHelper output)
{
    // Hang guards only. Measured in lockstep with this plant: ReadyForChemo at ~180 s, then a few seconds until the
    // slowest true probe passes 40 °C.
    private static readonly TimeSpan HeatUpGuard = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan ProbesGuard = TimeSpan.FromMinutes(2);

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Controller_and_boards_over_a_serial_link_complete_self_test_priming_and_heating()
    {
        using var rig = new SerialRig(output, seed: 11);
        var startMin = rig.Boards.Snapshot.Truth.AbdomenMin.DegreesCelsius;
        rig.Start();

        double? minAtHeatingStart = null;
        var peakHeaterWatts = 0.0;
        var ready = rig.RunUntil(r =>
        {
            var truth = rig.Boards.Snapshot.Truth;
            peakHeaterWatts = Math.Max(peakHeaterWatts, truth.HeaterPowerDelivered.Watts);
            if (r.Phase == Phase.Heating)
            {
                minAtHeatingStart ??= truth.AbdomenMin.DegreesCelsius;
            }

            return r.Phase == Phase.ReadyForChemo || r.InSafeState;
        }, HeatUpGuard, "ReadyForChemo");

        Assert.True(ready.Phase == Phase.ReadyForChemo, $"ended in {ready.Phase}: {string.Join("; ", ready.LatchedCauses)}; {rig.Timing}");
        Assert.Equal([Phase.PowerOnSelfTest, Phase.Standby, Phase.Priming, Phase.Heating, Phase.ReadyForChemo], rig.Phases);

        // The heater did the work: the abdomen started below the drug-addition minimum and the board drove real power.
        Assert.True(startMin < 40.0, $"the plant must start below 40 °C, not {startMin:0.00} °C");
        Assert.NotNull(minAtHeatingStart);
        Assert.True(minAtHeatingStart < 40.0, $"coldest probe {minAtHeatingStart:0.00} °C when heating began");
        Assert.True(peakHeaterWatts > 100, $"the board delivered at most {peakHeaterWatts:0} W");

        // ReadyForChemo is judged on the measured probes (offsets, noise, lag); the truth follows while the controller
        // keeps heating towards the target, still in ReadyForChemo.
        rig.WaitUntil(() => rig.Boards.Snapshot.Truth.AbdomenMin.DegreesCelsius >= 40.0 || rig.Controller.Latest is { InSafeState: true }, ProbesGuard,
            () => $"every true abdominal probe ≥ 40.0 °C: {StatusLines.Boards(rig.Boards.Snapshot)}");
        var truth = rig.Boards.Snapshot.Truth;
        rig.Log($"ReadyForChemo; truth {StatusLines.Boards(rig.Boards.Snapshot)}");
        Assert.Equal(Phase.ReadyForChemo, rig.Controller.Latest?.Phase);
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(truth.AbdomenProbe(i).DegreesCelsius >= 40.0,
            $"true abdominal probe {i + 1} at {truth.AbdomenProbe(i).DegreesCelsius:0.000} °C"));

        // Nothing protective fired on the way: the board never latched and its limiter never tripped.
        Assert.Null(rig.Boards.LatchSnapshot);
        Assert.False(rig.Boards.ActuatorLogic.LimiterTripped);
        rig.Log($"sensor board: {rig.Boards.SensorBoardStatistics}");
        rig.Log($"actuator board: {rig.Boards.ActuatorBoardStatistics}");
        rig.Log(rig.Timing);
    }
}

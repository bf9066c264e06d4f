using System.Globalization;
using HipecSafe.Controller;
using HipecSafe.Core.Operations;
using HipecSafe.Hil.Rig;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Runtime;

/// <summary>
/// SRS-RT-002 on the whole system: the same seed, operator inputs and injected faults give the same plant truth, the
/// same cycle reports and the same hazard-log bytes, run after run.
/// </summary>
public sealed class RigDeterminismTests
{
    [Fact]
    [Verifies("SRS-RT-002")]
    public void Two_rig_runs_with_the_same_seed_and_inputs_are_identical_down_to_the_log_bytes()
    {
        var a = RunScript(seed: 11);
        var b = RunScript(seed: 11);

        Assert.Equal(a.Cycles.Count, b.Cycles.Count);
        for (var i = 0; i < a.Cycles.Count; i++)
        {
            Assert.True(a.Cycles[i] == b.Cycles[i], $"cycle {i} differs:\n{a.Cycles[i]}\n{b.Cycles[i]}");
        }

        Assert.Equal(a.Replies, b.Replies);
        Assert.Equal(a.Log, b.Log);
    }

    [Fact]
    [Verifies("SRS-RT-002")]
    public void Another_seed_changes_the_run_so_the_comparison_can_fail()
    {
        var a = RunScript(seed: 11, cycles: 20);
        var b = RunScript(seed: 12, cycles: 20);
        Assert.NotEqual(a.Cycles, b.Cycles);
    }

    private static (List<string> Cycles, List<string> Replies, byte[] Log) RunScript(int seed, int cycles = 0)
    {
        using var run = new RigRun(seed);
        var replies = new List<string>();
        if (cycles > 0)
        {
            run.Steps(cycles);
            return (run.Cycles.Select(Describe).ToList(), replies, run.LogBytes());
        }

        run.ToHeating();
        run.Steps(20);
        run.Faults.Stall(ComponentNames.ControlLoop, TimeSpan.FromMilliseconds(250));
        run.Steps(20);
        // The supervisor is gone (its logic is the control lane's); the crash is of the alarm actor, as in the scenario.
        run.Faults.Crash(ComponentNames.Alarms, "determinism");
        run.Steps(10);
        replies.Add(run.Press(OperatorAction.Reset).ToString());
        run.Steps(5);
        replies.Add(run.Press(OperatorAction.Resume).ToString());
        run.Steps(20);
        return (run.Cycles.Select(Describe).ToList(), replies, run.LogBytes());
    }

    private static string Describe(RigCycle c)
    {
        var t = c.Truth;
        var r = c.Report;
        var report = r is null
            ? "no report"
            : string.Create(CultureInfo.InvariantCulture,
                $"{r.Tick.Cycle}|{r.Frame?.InflowA.DegreesCelsius:R}|{r.Frame?.Abdomen1.DegreesCelsius:R}|{r.Phase}|{r.Command.HeaterPowerPermille}/{r.Command.PumpSpeedRpm:R}/{r.Command.ClampOpen}|{r.InflowSetpointC:R}|{string.Join(",", r.ActiveTrips)}|{r.HeartbeatWritten}|{string.Join(";", r.LatchedCauses)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Time.Ticks}|{t.InflowTemperature.DegreesCelsius:R}|{t.AbdominalTemperature.DegreesCelsius:R}|{t.HeaterPowerDelivered.Watts:R}|{t.PumpSpeedRpm:R}|{report}");
    }
}

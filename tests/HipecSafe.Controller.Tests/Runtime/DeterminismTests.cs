using System.Globalization;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-RT-002: the same script (seeded sensor noise, operator inputs, injected faults at fixed cycles) run twice in
/// lockstep gives the same cycle reports and a byte-identical hazard log.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    [Verifies("SRS-RT-002")]
    public void Two_lockstep_runs_of_the_same_script_give_the_same_reports_and_the_same_hazard_log_bytes()
    {
        var (reportsA, logA) = RunScript(seed: 20260101);
        var (reportsB, logB) = RunScript(seed: 20260101);

        Assert.True(reportsA.Count > 150, $"the script ran only {reportsA.Count} cycles");
        Assert.Equal(reportsA.Count, reportsB.Count);
        for (var i = 0; i < reportsA.Count; i++)
        {
            Assert.True(reportsA[i] == reportsB[i], $"cycle {i} differs:\n{reportsA[i]}\n{reportsB[i]}");
        }

        // The script went where it was meant to: heating, a stalled control loop (cycles decided at the gate's deadline),
        // a crash into safe state, reset and resume.
        foreach (var mark in new[] { "|Heating|", "GATE-CONTROL-LATE", "|SafeState|", "|Paused|", "IL-CORE-WARNING", "Reset: accepted", "Resume: accepted" })
        {
            Assert.Contains(reportsA, r => r.Contains(mark, StringComparison.Ordinal));
        }

        Assert.True(logA.Length > 1000, $"the log has only {logA.Length} bytes");
        Assert.Equal(logA, logB);
    }

    [Fact]
    [Verifies("SRS-RT-002")]
    public void A_different_seed_gives_a_different_run_so_the_comparison_can_fail()
    {
        var (reportsA, _) = RunScript(seed: 1);
        var (reportsB, _) = RunScript(seed: 2);
        Assert.NotEqual(reportsA, reportsB);
    }

    private static (List<string> Reports, byte[] Log) RunScript(int seed)
    {
        using var run = new LockstepRun(faultInjection: true);
        var random = new Random(seed);
        var replies = new List<Task<OperatorReply>>();
        var core = 37.0;

        void Noisy()
        {
            Temperature Jitter(double c) => Temperature.FromDegreesCelsius(Math.Round(c + ((random.NextDouble() - 0.5) * 0.04), 2));
            run.Port.Frame = run.Port.Frame with
            {
                InflowA = Jitter(37.0), InflowB = Jitter(37.0), Outflow = Jitter(36.5), Core = Jitter(core),
                Flow = VolumetricFlow.FromMillilitersPerMinute(Math.Round(2000 + ((random.NextDouble() - 0.5) * 40))),
            };
        }

        for (var cycle = 0; cycle < 240; cycle++)
        {
            Noisy();
            switch (cycle)
            {
                case 3:
                    replies.Add(run.Submit(OperatorAction.StartPriming));
                    break;
                case 8:
                    replies.Add(run.Submit(OperatorAction.StartPriming));
                    break;
                case 140:
                    run.Stall(ComponentNames.ControlLoop, TimeSpan.FromMilliseconds(250));
                    break;
                case 160:
                    core = 39.7;
                    break;
                case 185:
                    core = 37.0;
                    break;
                case 175:
                    run.Crash(ComponentNames.Alarms, "determinism");
                    break;
                case 190:
                    replies.Add(run.Submit(OperatorAction.AcknowledgeAlarms));
                    replies.Add(run.Submit(OperatorAction.Reset));
                    break;
                case 200:
                    replies.Add(run.Submit(OperatorAction.Resume));
                    break;
            }

            run.Step();
        }

        var reports = run.Reports.Select(Describe).Concat(replies.Select(r => run.Answer(r).ToString())).ToList();
        return (reports, run.LogBytes());
    }

    private static string Describe(CycleReport? r)
    {
        if (r is null)
        {
            return "no report";
        }

        var alarms = r.Alarms is null ? "" : string.Join(",", r.Alarms.Alarms.Select(a => $"{a.ConditionId}:{a.State}:{a.Priority}")) + $"/{r.Alarms.Audio}";
        return string.Join("|",
            r.Tick.Cycle.ToString(CultureInfo.InvariantCulture),
            r.Tick.Time.Ticks.ToString(CultureInfo.InvariantCulture),
            r.Phase,
            Text(r.Command),
            r.InflowSetpointC?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
            string.Join(",", r.ActiveTrips),
            string.Join(",", r.ConstraintReasons),
            alarms,
            r.HeartbeatWritten,
            r.WriteFailure ?? "-",
            r.ChemoElapsed.Ticks.ToString(CultureInfo.InvariantCulture),
            string.Join(";", r.LatchedCauses));
    }

    private static string Text(ActuatorCommand c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.HeaterPowerPermille}/{c.PumpSpeedRpm:R}/{c.ClampOpen}/{c.HeaterEnabled}");
}

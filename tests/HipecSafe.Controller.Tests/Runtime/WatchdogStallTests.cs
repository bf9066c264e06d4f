using HipecSafe.Controller.Faults;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;
using Xunit.Abstractions;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// A hung actor in lockstep (InjectStall holds its messages back for the stall's length in cycles): the watchdog
/// withholds the heartbeat from the first missed round, fails the component after three, and the actuators go safe.
/// </summary>
public sealed class WatchdogStallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    private void Trace(LockstepRun run, long from)
    {
        foreach (var w in run.Port.Writes.Where(w => w.Cycle >= from))
        {
            output.WriteLine($"write cycle {w.Cycle}: {w.Command} heartbeat {w.Heartbeat}");
        }

        for (var c = (int)from; c < run.Reports.Count; c++)
        {
            var r = run.Reports[c];
            output.WriteLine(r is null ? $"cycle {c}: no report" : $"cycle {c}: {r.Phase} {r.Command} heartbeat written {r.HeartbeatWritten}");
        }
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007", "SRS-RT-008")]
    public void A_stalled_control_loop_is_failed_within_four_cycles_the_actuators_go_safe_and_the_heartbeat_stops()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;
        var heartbeat = run.Port.Writes[^1].Heartbeat;

        run.Runtime.Inject(ComponentNames.ControlLoop, new InjectStall(Stall));
        var cycles = Enumerable.Range(0, 4).Select(_ => run.Step()).ToList();
        Trace(run, c + 1);

        // c+1: the chain stops at the stalled loop; nothing new is written.
        Assert.Null(cycles[0]);
        Assert.Empty(run.Port.WritesIn(c + 1));
        // c+2, c+3: the loop is late: heater off, no heartbeat.
        for (var i = 1; i <= 2; i++)
        {
            Assert.NotNull(cycles[i]);
            Assert.False(cycles[i]!.Command.HeaterEnabled);
            Assert.Equal(0, cycles[i]!.Command.HeaterPowerPermille);
            Assert.False(cycles[i]!.HeartbeatWritten);
        }

        // c+4: the third missed round fails the loop: safe state, safe command.
        Assert.NotNull(cycles[3]);
        Assert.Equal(Phase.SafeState, cycles[3]!.Phase);
        Assert.Equal(ActuatorCommand.Safe, cycles[3]!.Command);

        // Through the stall and after it, the heartbeat never moves again: the failure is latched.
        run.Steps(30);
        Assert.All(run.Port.Writes.Where(w => w.Cycle > c), w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= c + 4), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.All(run.Reports.Skip((int)c + 5), r =>
        {
            Assert.NotNull(r);
            Assert.Equal(Phase.SafeState, r.Phase);
        });

        var records = run.Records();
        var failure = Assert.Single(records, r => r.Entry is FaultEntry { Source: "watchdog" } f && f.Description.Contains(ComponentNames.ControlLoop, StringComparison.Ordinal));
        Assert.Equal(LogPriority.High, failure.Priority);
        Assert.Equal(LockstepRun.TimeOf(c + 4, run.Period), failure.ProcedureTime);
        Assert.Contains(records, r => r.Entry is SafeStateEntry { Change: SafeStateChange.Entered } && r.Priority == LogPriority.High);
    }

    [Fact]
    [Verifies("SRS-RT-006", "SRS-RT-007")]
    public void A_stalled_interlock_actor_is_failed_within_four_cycles_the_actuators_go_safe_and_the_heartbeat_stops()
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;
        var heartbeat = run.Port.Writes[^1].Heartbeat;

        run.Runtime.Inject(ComponentNames.Interlocks, new InjectStall(Stall));
        run.Steps(4);
        Trace(run, c + 1);

        // Whatever else happens while the interlocks hang, no heartbeat is written and, from the failing round on, only safe.
        var safe = run.Port.Writes.Where(w => w.Cycle > c).ToList();
        Assert.NotEmpty(safe);
        Assert.All(safe, w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.True(run.Port.WritesIn(c + 4).Count > 0, "the bus must write the safe command in the cycle the watchdog fails the interlocks");
        Assert.Equal(ActuatorCommand.Safe, run.Port.Held);

        run.Steps(30);
        Assert.All(run.Port.Writes.Where(w => w.Cycle > c), w => Assert.Equal(heartbeat, w.Heartbeat));
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= c + 4), w => Assert.Equal(ActuatorCommand.Safe, w.Command));
        Assert.Equal(Phase.SafeState, run.Last!.Phase);
        Assert.Single(run.Entries<FaultEntry>(), f => f.Source == "watchdog" && f.Description.Contains(ComponentNames.Interlocks, StringComparison.Ordinal));
    }
}

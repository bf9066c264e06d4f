using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>SRS-RT-008: heater on only from this cycle's output of a healthy control loop on a trusted inflow reading.</summary>
public sealed class HeaterPermissionTests
{
    private static readonly ushort BothInflowBits = (ushort)((1 << (int)SensorChannel.InflowA) | (1 << (int)SensorChannel.InflowB));

    public static TheoryData<string> InflowLosses => ["both inflow probes flagged", "both inflow probes out of range", "sensor board read failed"];

    private static void LoseInflow(ScriptedBoardPort port, string how)
    {
        switch (how)
        {
            case "both inflow probes flagged":
                port.Frame = port.Frame with { ChannelFaultBits = BothInflowBits };
                break;
            case "both inflow probes out of range":
                port.Frame = port.Frame with { InflowA = Temperature.FromDegreesCelsius(-5), InflowB = Temperature.FromDegreesCelsius(-5) };
                break;
            case "sensor board read failed":
                port.SensorReadFails = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, "unknown way to lose the inflow reading");
        }
    }

    [Theory]
    [MemberData(nameof(InflowLosses))]
    [Verifies("SRS-RT-008", "SRS-GT-009")]
    public void Without_a_trusted_inflow_reading_the_heater_is_off_in_that_very_cycle(string how)
    {
        using var run = new LockstepRun();
        var heating = run.ToHeating();
        Assert.True(heating.Command.HeaterEnabled);

        LoseInflow(run.Port, how);
        var first = run.Step();

        Assert.NotNull(first);
        Assert.False(first.Command.HeaterEnabled, $"{how}: heater still enabled");
        Assert.Equal(0, first.Command.HeaterPowerPermille);
        Assert.Null(first.InflowSetpointC);
        // The gate judges the inflow on its own validation, not the control lane's (SRS-GT-009).
        Assert.Contains(first.ConstraintReasons, r => r.Contains("GATE-INFLOW-UNTRUSTED", StringComparison.Ordinal));
        var written = run.Port.WritesIn(first.Tick.Cycle);
        Assert.NotEmpty(written);
        Assert.All(written, w => Assert.False(w.Command.HeaterEnabled || w.Command.HeaterPowerPermille > 0));

        run.Steps(10);
        Assert.All(run.Port.Writes.Where(w => w.Cycle >= first.Tick.Cycle), w => Assert.False(w.Command.HeaterEnabled));
    }

    [Fact]
    [Verifies("SRS-RT-008", "SRS-GT-007", "SRS-GT-008")]
    public void A_late_control_loop_holds_the_heater_off_its_late_output_is_discarded_and_heating_resumes_from_a_fresh_output()
    {
        using var run = new LockstepRun(faultInjection: true);
        var heating = run.ToHeating();
        var c = heating.Tick.Cycle;

        // Three cycles of silence: late twice, never failed.
        run.Stall(ComponentNames.ControlLoop, TimeSpan.FromMilliseconds(250));
        run.Steps(3);

        // c+1: the gate decides at the deadline without it: heater off, pump and clamp as the board holds them (SRS-GT-007).
        var alone = run.Reports[(int)c + 1];
        Assert.NotNull(alone);
        Assert.Equal(heating.Command.WithHeaterOff(), Assert.Single(run.Port.WritesIn(c + 1)).Command);
        foreach (var late in new[] { c + 1, c + 2, c + 3 })
        {
            var report = run.Reports[(int)late];
            Assert.NotNull(report);
            Assert.False(report.Command.HeaterEnabled, $"cycle {late}: heater on with a late control loop");
            Assert.All(run.Port.WritesIn(late), w => Assert.False(w.Command.HeaterEnabled));
        }

        var resumed = run.StepUntil(r => r.Command.HeaterEnabled, 5, "heating again with a healthy control loop");
        Assert.Equal(c + 4, resumed.Tick.Cycle);
        Assert.NotNull(resumed.InflowSetpointC);
        Assert.Contains(run.Entries<FaultEntry>(), f => f.Description.Contains($"no control output for cycle {c + 1} by its deadline", StringComparison.Ordinal));
        Assert.Contains(run.Entries<NoteEntry>(), n => n.Text.Contains($"control output of cycle {c + 1} arrived late and was discarded", StringComparison.Ordinal));
    }

    [Fact]
    [Verifies("SRS-RT-008")]
    public void Every_heater_on_write_comes_from_a_control_output_of_its_own_cycle()
    {
        using var run = new LockstepRun(faultInjection: true);
        run.ToHeating();
        run.Stall(ComponentNames.ControlLoop, TimeSpan.FromMilliseconds(250));
        run.Steps(10);
        run.Port.Frame = run.Port.Frame with { ChannelFaultBits = BothInflowBits };
        run.Step();
        run.Port.Frame = ScriptedBoardPort.HealthyFrame;
        run.Steps(10);

        var heaterOn = run.Port.Writes.Where(w => w.Command.HeaterEnabled || w.Command.HeaterPowerPermille > 0).ToList();
        Assert.NotEmpty(heaterOn);
        Assert.All(heaterOn, w =>
        {
            var report = run.Reports[(int)w.Cycle];
            Assert.True(report is not null, $"cycle {w.Cycle} wrote heater on but never finished");
            // The set-point is the control loop's diagnostic: present only when this cycle's output came from it.
            Assert.True(report.InflowSetpointC is not null, $"cycle {w.Cycle} wrote heater on without a control output of its own");
            Assert.Equal(report.Command, w.Command);
        });
    }
}

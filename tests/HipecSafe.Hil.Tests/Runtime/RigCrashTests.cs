using HipecSafe.Controller;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Runtime;

/// <summary>
/// SRS-RT-005 on the whole system: a crash of any controller actor while the plant is being heated ends with the
/// heater physically off — the command written to the emulated board and the power the plant's heater delivers.
/// </summary>
public sealed class RigCrashTests
{
    public static TheoryData<string> Components => [.. ComponentNames.All];

    [Theory]
    [MemberData(nameof(Components))]
    [Verifies("SRS-RT-005")]
    public void A_crash_of_any_actor_while_heating_switches_the_plant_heater_off_and_cycles_go_on(string component)
    {
        using var run = new RigRun();
        var heating = run.ToHeating();
        Assert.True(heating.Truth.HeaterPowerDelivered.Watts > 0);

        run.Faults.Crash(component, "rig test");
        var handled = run.Step();

        Assert.NotNull(handled.Report);
        Assert.Equal(Phase.SafeState, handled.Report.Phase);
        Assert.Equal(ActuatorCommand.Safe, handled.Report.Command);
        Assert.Equal(ActuatorCommand.Safe, run.Rig.ActuatorBoard.Logic.Commanded);

        // From the next plant step on the heater delivers nothing, and the controller keeps cycling.
        run.Steps(10);
        Assert.All(run.Cycles.Skip(run.Cycles.Count - 10), c =>
        {
            Assert.NotNull(c.Report);
            Assert.Equal(Phase.SafeState, c.Report.Phase);
            Assert.Equal(0, c.Truth.HeaterPowerDelivered.Watts);
        });
        Assert.False(run.Rig.ActuatorBoard.Logic.Outputs().HeaterRelayClosed);
        Assert.Contains(run.Records(), r => r.Entry is FaultEntry f && f.Source == component && r.Priority == LogPriority.High);
    }
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Interlocks;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The gate's invariants on the command itself: clamp closed ⇒ pump stopped (GATE-CLAMP-PUMP, SRS-GT-010), then pump
/// stopped ⇒ heater off (GATE-PUMP-HEATER, SRS-GT-011), the latter applied last so it also catches a pump the former
/// stopped.
/// </summary>
public class GateCommandRuleTests
{
    private static readonly ConstraintReason ClampPump = new(ConstraintAction.PumpStop, "GATE-CLAMP-PUMP", "HAZ-004");
    private static readonly ConstraintReason PumpHeater = new(ConstraintAction.HeaterOff, "GATE-PUMP-HEATER", "HAZ-010");

    [Fact]
    [Verifies("SRS-GT-010")]
    public void A_closed_clamp_with_the_pump_running_stops_the_pump()
    {
        var rig = new GateRig();

        var verdict = rig.Decide(new ActuatorCommand(0, 50, ClampOpen: false, HeaterEnabled: false)).Verdict;

        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: false, HeaterEnabled: false), verdict.Command);
        Assert.Equal([ClampPump], verdict.Reasons);
    }

    [Theory]
    [InlineData(true, 50.0)]
    [InlineData(false, 0.0)]
    [Verifies("SRS-GT-010")]
    public void An_open_clamp_or_a_stopped_pump_leaves_the_pump_command_alone(bool clampOpen, double rpm)
    {
        var rig = new GateRig();
        var command = new ActuatorCommand(0, rpm, clampOpen, HeaterEnabled: false);

        var verdict = rig.Decide(command).Verdict;

        Assert.Equal(command, verdict.Command);
        Assert.DoesNotContain(ClampPump, verdict.Reasons);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(0, true)]
    [InlineData(500, false)]
    [Verifies("SRS-GT-011")]
    public void A_stopped_pump_with_the_heater_enabled_or_powered_switches_the_heater_off(int permille, bool enabled)
    {
        var rig = new GateRig();

        var verdict = rig.Decide(new ActuatorCommand(permille, 0, ClampOpen: true, enabled)).Verdict;

        Assert.Equal(new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false), verdict.Command);
        Assert.Equal([PumpHeater], verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-011")]
    public void A_running_pump_keeps_the_heater_as_asked()
    {
        var rig = new GateRig();
        var command = new ActuatorCommand(500, 0.1, ClampOpen: true, HeaterEnabled: true);

        var verdict = rig.Decide(command).Verdict;

        Assert.Equal(command, verdict.Command);
        Assert.DoesNotContain(PumpHeater, verdict.Reasons);
    }

    [Theory]
    [InlineData(1.7763568394002505E-15)] // what the control law asks for a stopped pump it re-engages against a high flow reading
    [InlineData(0.04)]
    [InlineData(0.09)]
    [InlineData(double.NaN)]
    [Verifies("SRS-GT-011")]
    public void A_pump_speed_below_one_count_of_the_register_is_a_stopped_pump_and_switches_the_heater_off(double rpm)
    {
        // pump_speed_cmd is written in counts of 0.1 rpm (docs/icd.md §6.1): less than one count does not turn the pump.
        var rig = new GateRig();

        var verdict = rig.Decide(new ActuatorCommand(1, rpm, ClampOpen: true, HeaterEnabled: true)).Verdict;

        Assert.False(verdict.Command.HeaterEnabled);
        Assert.Equal(0, verdict.Command.HeaterPowerPermille);
        Assert.Contains(PumpHeater, verdict.Reasons);
    }

    [Fact]
    [Verifies("SRS-GT-010", "SRS-GT-011")]
    public void A_pump_stopped_for_a_closed_clamp_also_has_its_heater_switched_off()
    {
        var rig = new GateRig();

        var verdict = rig.Decide(new ActuatorCommand(500, 50, ClampOpen: false, HeaterEnabled: true)).Verdict;

        Assert.Equal(ActuatorCommand.Safe, verdict.Command);
        Assert.Equal([ClampPump, PumpHeater], verdict.Reasons);
    }
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Core.Tests.Control;

public class PhaseControlPolicyTests
{
    [Theory]
    [InlineData(Phase.Priming, true, HeaterMode.Off)]
    [InlineData(Phase.Heating, true, HeaterMode.Cascade)]
    [InlineData(Phase.ReadyForChemo, true, HeaterMode.Cascade)]
    [InlineData(Phase.ChemoPerfusion, true, HeaterMode.Cascade)]
    [InlineData(Phase.Washout, true, HeaterMode.HoldWashoutSetpoint)]
    [InlineData(Phase.Draining, true, HeaterMode.Off)]
    [InlineData(Phase.PowerOnSelfTest, false, HeaterMode.Off)]
    [InlineData(Phase.Standby, false, HeaterMode.Off)]
    [InlineData(Phase.Paused, false, HeaterMode.Off)]
    [InlineData(Phase.Complete, false, HeaterMode.Off)]
    [InlineData(Phase.SafeState, false, HeaterMode.Off)]
    [InlineData(Phase.EmergencyStop, false, HeaterMode.Off)]
    [Verifies("SRS-CT-011")]
    public void Each_phase_runs_its_loops(Phase phase, bool pump, HeaterMode heater)
    {
        var plan = PhaseControlPolicy.For(phase);

        Assert.Equal(pump, plan.PumpRuns);
        Assert.Equal(heater, plan.Heater);
        Assert.Equal(pump, plan.ClampOpen);
    }

    [Fact]
    [Verifies("SRS-CT-011")]
    public void Every_phase_has_a_policy_and_an_unknown_one_is_refused_by_number()
    {
        Assert.All(Enum.GetValues<Phase>(), p => PhaseControlPolicy.For(p));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PhaseControlPolicy.For((Phase)99));
        Assert.Contains("no control policy for phase 99", error.Message);
    }

    [Theory]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.Paused)]
    [InlineData(Phase.Complete)]
    [InlineData(Phase.SafeState)]
    [InlineData(Phase.EmergencyStop)]
    [Verifies("SRS-CT-014")]
    public void Phases_without_loops_ask_for_exactly_the_safe_command_even_straight_after_full_heating(Phase phase)
    {
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 36));
        loop.Run(Phase.Priming, 30).Run(Phase.Heating, 120);
        Assert.True(loop.Samples[^1].Command.HeaterPowerPermille > 0);

        loop.Run(phase, 1);

        Assert.All(loop.Samples.Where(s => s.Phase == phase), s => Assert.Equal(ActuatorCommand.Safe, s.Command));
    }

    [Fact]
    [Verifies("SRS-CT-014")]
    public void The_heater_is_enabled_exactly_when_power_is_asked_for_and_the_clamp_is_open_exactly_when_the_pump_runs()
    {
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 37));

        loop.Run(Phase.Standby, 2).Run(Phase.Priming, 30).Run(Phase.Heating, 900).Run(Phase.Washout, 300).Run(Phase.Draining, 60).Run(Phase.Complete, 2);

        Assert.All(loop.Samples, s => Assert.Equal(s.Command.HeaterPowerPermille > 0, s.Command.HeaterEnabled));
        Assert.All(loop.Samples, s => Assert.Equal(PhaseControlPolicy.For(s.Phase).PumpRuns, s.Command.ClampOpen));
        Assert.All(loop.Samples, s => Assert.True(!(s.Command.PumpSpeedRpm > 0) || s.Command.ClampOpen));
        Assert.All(loop.Samples, s => Assert.InRange(s.Command.HeaterPowerPermille, 0, ActuatorCommand.MaxHeaterPermille));
        Assert.Contains(loop.Samples, s => s.Command.HeaterEnabled);
    }

    [Fact]
    [Verifies("SRS-CT-017")]
    public void Washout_holds_the_inflow_at_37_degrees_with_the_abdominal_loop_off()
    {
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 37));
        loop.Run(Phase.Priming, 30).Run(Phase.Heating, 900);

        loop.Run(Phase.Washout, 600);

        var washout = loop.Samples.Where(s => s.Phase == Phase.Washout).ToList();
        Assert.All(washout, s => Assert.Equal(37.0, s.Diagnostics.InflowSetpoint!.Value.DegreesCelsius, 9));
        Assert.All(washout, s => Assert.Null(s.Diagnostics.Outer));
        Assert.All(washout.Where(s => s.Inflow > 37.5), s => Assert.Equal(0, s.Command.HeaterPowerPermille));
    }

    [Fact]
    [Verifies("SRS-CT-017")]
    public void Washout_warms_cold_saline_towards_37_degrees()
    {
        var loop = new ClosedLoop(new CascadeTestPlant(startCelsius: 30));

        loop.Run(Phase.Priming, 10).Run(Phase.Washout, 1200);

        var last = loop.Samples[^1];
        Assert.Contains(loop.Samples, s => s.Command.HeaterPowerPermille > 0);
        Assert.InRange(last.Inflow, 36.8, 37.2);
        Assert.True(loop.Samples.Max(s => s.Inflow) < 37.5);
        Assert.True(last.Diagnostics.InflowSetpoint!.Value < Temperature.FromDegreesCelsius(HardBounds.InflowSetpointMinC + 0.001));
    }
}

using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The procedure context the control lane sends the gate: a new phase starts its clock for the gate's rules (flow
/// settle time, SRS-IL-025) and carries the flow target of its phase — the profile's 2.0 L/min where the pump runs
/// (Priming to Draining), none elsewhere. The circuit-volume baseline the reservoir-drop rule measures from (SRS-IL-023)
/// is taken from the first valid reservoir reading once Heating begins and then kept, whatever the phase does.
/// </summary>
public class ProcedureContextTests
{
    private static readonly VolumetricFlow Target = VolumetricFlow.FromLitersPerMinute(2.0);

    private static Volume Ml(double ml) => Volume.FromMilliliters(ml);

    [Fact]
    [Verifies("SRS-IL-025")]
    public void A_new_phase_starts_its_clock_at_its_first_cycle()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);

        var outcome = rig.Next(OperatorAction.StartPriming);

        var context = outcome.Desired.Context;
        Assert.Equal(Phase.Priming, context.Phase);
        Assert.Equal(rig.Now, context.PhaseStartedAt);
        Assert.Equal(Target, context.FlowTarget);
        Assert.Equal(context, rig.State.Context);
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void There_is_no_circuit_volume_baseline_before_heating_while_the_circuit_fills()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Priming);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(900) };

        Assert.Null(rig.Next().Desired.Context.CircuitVolumeBaseline);
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void The_baseline_is_the_reservoir_at_the_first_heating_cycle_and_stays_through_every_later_phase()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Priming);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1400) };
        rig.DriveTo(Phase.Heating); // after 30 s of air-free circulation
        Assert.Equal(Ml(1400), rig.Desired.Context.CircuitVolumeBaseline);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1300) };
        rig.DriveTo(Phase.ChemoPerfusion);
        Assert.Equal(Ml(1400), rig.Desired.Context.CircuitVolumeBaseline);

        rig.Next(OperatorAction.Pause);
        Assert.Equal(Ml(1400), rig.Desired.Context.CircuitVolumeBaseline);
        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Equal(Ml(1400), rig.Desired.Context.CircuitVolumeBaseline);

        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next();
        Assert.Equal(Phase.SafeState, rig.Phase);
        Assert.Equal(Ml(1400), rig.Desired.Context.CircuitVolumeBaseline);
        rig.Health = new HealthStatus(true, ValueList.Empty<string>(), ValueList.From(["alarms"]));
        rig.Next(OperatorAction.Reset);
        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Equal(Ml(1400), rig.Desired.Context.CircuitVolumeBaseline);
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_reservoir_reading_that_is_not_valid_when_heating_begins_leaves_the_baseline_to_the_first_valid_one()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Priming);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1400), ChannelFaultBits = Bit(SensorChannel.ReservoirVolume) };
        rig.DriveTo(Phase.Heating);
        Assert.Null(rig.Desired.Context.CircuitVolumeBaseline);

        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1380), ChannelFaultBits = 0 };
        rig.Next();
        Assert.Equal(Ml(1380), rig.Desired.Context.CircuitVolumeBaseline);
        rig.Frame = rig.Frame with { ReservoirVolume = Ml(1200) };
        Assert.Equal(Ml(1380), rig.Next().Desired.Context.CircuitVolumeBaseline);
    }

    [Theory]
    [InlineData(Phase.Standby, false)]
    [InlineData(Phase.Priming, true)]
    [InlineData(Phase.Heating, true)]
    [InlineData(Phase.ChemoPerfusion, true)]
    [InlineData(Phase.Washout, true)]
    [InlineData(Phase.Draining, true)]
    [InlineData(Phase.Complete, false)]
    [Verifies("SRS-IL-025")]
    public void The_flow_target_is_the_profiles_where_the_pump_runs_and_none_elsewhere(Phase phase, bool pumpRuns)
    {
        var rig = new ProcedureRig().DriveTo(phase);

        Assert.Equal(pumpRuns ? Target : VolumetricFlow.Zero, rig.Desired.Context.FlowTarget);
    }

    [Fact]
    [Verifies("SRS-IL-025")]
    public void Paused_and_safe_state_have_no_flow_target()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        Assert.Equal(VolumetricFlow.Zero, rig.Next(OperatorAction.Pause).Desired.Context.FlowTarget);
        rig.Health = ProcedureRig.Failed("alarms");
        Assert.Equal(VolumetricFlow.Zero, rig.Next().Desired.Context.FlowTarget);
        Assert.Equal(Phase.SafeState, rig.Desired.Context.Phase);
    }
}

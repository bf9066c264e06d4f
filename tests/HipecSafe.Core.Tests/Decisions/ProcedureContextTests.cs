using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The procedure context the control lane sends the gate: a new phase starts its baselines — when it began and the
/// reservoir volume then (kept from before when the reservoir reading is not valid) — and carries the flow target of
/// its phase: the profile's 2.0 L/min where the pump runs (Priming to Draining), none elsewhere. The gate's reservoir-drop
/// rule measures from the phase start (SRS-IL-023), its flow-deviation rule against the target and from the phase
/// start (SRS-IL-025).
/// </summary>
public class ProcedureContextTests
{
    private static readonly VolumetricFlow Target = VolumetricFlow.FromLitersPerMinute(2.0);

    [Fact]
    [Verifies("SRS-IL-023", "SRS-IL-025")]
    public void A_new_phase_starts_its_baselines_at_its_first_cycle()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(1400) };

        var outcome = rig.Next(OperatorAction.StartPriming);

        var context = outcome.Desired.Context;
        Assert.Equal(Phase.Priming, context.Phase);
        Assert.Equal(rig.Now, context.PhaseStartedAt);
        Assert.Equal(Volume.FromMilliliters(1400), context.ReservoirAtPhaseStart);
        Assert.Equal(Target, context.FlowTarget);
        Assert.Equal(context, rig.State.Context);
    }

    [Fact]
    [Verifies("SRS-IL-023", "SRS-IL-025")]
    public void Within_a_phase_the_baselines_stay_as_they_were_at_its_start()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        var started = rig.Next(OperatorAction.StartPriming).Desired.Context;
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(900) };

        Assert.Equal(started, rig.Next().Desired.Context);
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_reservoir_reading_that_is_not_valid_at_the_phase_start_leaves_the_previous_baseline()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        var before = rig.Desired.Context.ReservoirAtPhaseStart;
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(1400), ChannelFaultBits = Bit(SensorChannel.ReservoirVolume) };

        var context = rig.Next(OperatorAction.StartPriming).Desired.Context;

        Assert.Equal(Phase.Priming, context.Phase);
        Assert.Equal(before, context.ReservoirAtPhaseStart);
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

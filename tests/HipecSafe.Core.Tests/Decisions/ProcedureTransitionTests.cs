using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// The transitions the control lane drives along the treatment, each accepted when its guard holds and refused
/// otherwise with a reason that names the trigger, the phase and each unmet condition (SRS-PH-018).
/// </summary>
public class ProcedureTransitionTests
{
    private static IEnumerable<PhaseTransitionEntry> Transitions(ProcedureOutcome outcome) =>
        outcome.Records.Select(r => r.Entry).OfType<PhaseTransitionEntry>();

    private static void AssertRefused(ProcedureOutcome outcome, OperatorAction action, params string[] named)
    {
        var reply = Assert.Single(outcome.Replies);
        Assert.Equal(action, reply.Action);
        Assert.False(reply.Accepted);
        Assert.All(named, n => Assert.Contains(n, reply.RefusalReason, StringComparison.Ordinal));
        var logged = Assert.Single(outcome.Records.Select(r => r.Entry).OfType<OperatorCommandEntry>());
        Assert.False(logged.Accepted);
        Assert.Equal(reply.RefusalReason, logged.RefusalReason);
    }

    private static void AssertAccepted(ProcedureOutcome outcome, OperatorAction action)
    {
        Assert.Equal(OperatorReply.Accept(action), Assert.Single(outcome.Replies));
        Assert.True(Assert.Single(outcome.Records.Select(r => r.Entry).OfType<OperatorCommandEntry>()).Accepted);
    }

    [Fact]
    [Verifies("SRS-PH-003")]
    public void Start_priming_is_accepted_in_standby()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);

        var outcome = rig.Next(OperatorAction.StartPriming);

        AssertAccepted(outcome, OperatorAction.StartPriming);
        Assert.Equal(Phase.Priming, rig.Phase);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.Standby, To: Phase.Priming, RequirementId: "SRS-PH-003" });
    }

    [Fact]
    [Verifies("SRS-PH-003", "SRS-PH-018")]
    public void Start_priming_is_refused_outside_standby_naming_trigger_and_phase()
    {
        var rig = new ProcedureRig();

        AssertRefused(rig.Next(OperatorAction.StartPriming), OperatorAction.StartPriming, "StartPriming", "PowerOnSelfTest");
        Assert.Equal(Phase.PowerOnSelfTest, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-005")]
    public void Heating_ends_once_every_abdominal_probe_is_valid_and_reads_above_40_1()
    {
        // The fluid must exceed 40.0 °C and a probe reads within ±0.1 °C: 40.10 °C (one register count) is not proof.
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 40.10);
        rig.Next(TimeSpan.FromSeconds(2), [], []);
        Assert.Equal(Phase.Heating, rig.Phase);

        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 40.11);
        var outcome = rig.Next(TimeSpan.FromSeconds(2), [], []);

        Assert.Equal(Phase.ReadyForChemo, rig.Phase);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.Heating, To: Phase.ReadyForChemo, Trigger: "TargetTemperatureReached", RequirementId: "SRS-PH-005" });
    }

    [Fact]
    [Verifies("SRS-PH-005")]
    public void Heating_does_not_end_with_one_probe_invalid_however_warm()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 41.5) with { ChannelFaultBits = Bit(SensorChannel.Abdomen3) };

        rig.Next(TimeSpan.FromSeconds(2), [], []);
        rig.Next(TimeSpan.FromSeconds(2), [], []);

        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-006")]
    public void The_leak_check_is_confirmed_in_ready_for_chemo_and_logged()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);

        var outcome = rig.Next(OperatorAction.ConfirmLeakCheck);

        AssertAccepted(outcome, OperatorAction.ConfirmLeakCheck);
        Assert.True(rig.State.Phase.LeakCheckConfirmed);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.ReadyForChemo, To: Phase.ReadyForChemo, RequirementId: "SRS-PH-006" });
    }

    [Fact]
    [Verifies("SRS-PH-006", "SRS-PH-018")]
    public void The_leak_check_waits_for_the_reservoir_to_hold_within_50_mL_for_60_s_and_a_refusal_says_what_was_measured()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);
        rig.Frame = rig.Frame with { ReservoirVolume = Volume.FromMilliliters(1440) }; // 60 mL below the 1500 mL so far
        rig.Next();
        rig.Run(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

        var refused = rig.Next(OperatorAction.ConfirmLeakCheck);

        AssertRefused(refused, OperatorAction.ConfirmLeakCheck, "ConfirmLeakCheck", "ReadyForChemo",
            "the reservoir has held within ±50 mL of 1440 mL for 30s100ms of the 1m required at target flow (1440 mL now; "
            + "the check began again when the reservoir moved -60 mL from 1500 mL)");
        Assert.False(rig.State.Phase.LeakCheckConfirmed);

        rig.Run(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        AssertAccepted(rig.Next(OperatorAction.ConfirmLeakCheck), OperatorAction.ConfirmLeakCheck);
    }

    [Fact]
    [Verifies("SRS-PH-006")]
    public void The_leak_check_is_refused_while_the_pump_does_not_turn_or_the_flow_is_off_target()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);
        rig.Flow = VolumetricFlow.FromLitersPerMinute(1.7); // 15 % low: outside the profile's ±10 %

        AssertRefused(rig.Next(OperatorAction.ConfirmLeakCheck), OperatorAction.ConfirmLeakCheck,
            "no leak check under way: flow 1.700 L/min is not within 2.000 L/min ± 10 %");

        rig.Flow = null;
        rig.FeedbackFault = f => f with { Status = f.Status & ~BoardStatus.PumpRunning };
        AssertRefused(rig.Next(OperatorAction.ConfirmLeakCheck), OperatorAction.ConfirmLeakCheck,
            "no leak check under way: pump stopped: the board reports it not running (board_status bit3 clear)");
    }

    [Theory]
    [Verifies("SRS-PH-006")]
    [InlineData(2200.0)]
    [InlineData(1800.0)]
    public void A_flow_exactly_at_the_deviation_limit_is_within_it_and_keeps_the_leak_check(double flowMlPerMin)
    {
        // 2.0 L/min ± 10 % (the default profile): 1800 and 2200 mL/min are within the limit, not beyond it.
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);
        rig.Flow = VolumetricFlow.FromMillilitersPerMinute(flowMlPerMin);

        AssertAccepted(rig.Next(OperatorAction.ConfirmLeakCheck), OperatorAction.ConfirmLeakCheck);
    }

    [Fact]
    [Verifies("SRS-PH-006", "SRS-PH-018")]
    public void The_leak_check_is_refused_outside_ready_for_chemo()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);

        AssertRefused(rig.Next(OperatorAction.ConfirmLeakCheck), OperatorAction.ConfirmLeakCheck, "ConfirmLeakCheck", "Heating");
    }

    [Fact]
    [Verifies("SRS-PH-007", "SRS-PH-018")]
    public void Adding_the_drug_is_refused_naming_each_unmet_condition()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);
        rig.Frame = rig.Frame with { Abdomen2 = T(39.5) };
        rig.Next(TimeSpan.FromSeconds(2), [], []);

        var outcome = rig.Next(OperatorAction.AddDrug);

        AssertRefused(outcome, OperatorAction.AddDrug, "AddDrug", "ReadyForChemo", "abdominal probe 2", "leak check");
        Assert.Equal(Phase.ReadyForChemo, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-007")]
    public void Adding_the_drug_is_refused_with_an_invalid_probe_even_after_the_leak_check()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);
        rig.Next(OperatorAction.ConfirmLeakCheck);
        rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Abdomen4) };

        var outcome = rig.Next(OperatorAction.AddDrug);

        AssertRefused(outcome, OperatorAction.AddDrug, "abdominal probe 4 is invalid");
    }

    [Fact]
    [Verifies("SRS-PH-007")]
    public void Adding_the_drug_is_accepted_with_warm_probes_and_the_leak_check_confirmed()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);
        rig.Next(OperatorAction.ConfirmLeakCheck);

        var outcome = rig.Next(OperatorAction.AddDrug);

        AssertAccepted(outcome, OperatorAction.AddDrug);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.ReadyForChemo, To: Phase.ChemoPerfusion, RequirementId: "SRS-PH-007" });
    }

    [Fact]
    [Verifies("SRS-PH-009")]
    public void Chemo_may_be_ended_early_and_the_early_end_is_logged()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);

        var outcome = rig.Next(OperatorAction.EndChemoEarly);

        AssertAccepted(outcome, OperatorAction.EndChemoEarly);
        Assert.Equal(Phase.Washout, rig.Phase);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.ChemoPerfusion, To: Phase.Washout, Trigger: "EndChemoEarly", RequirementId: "SRS-PH-009" });
    }

    [Fact]
    [Verifies("SRS-PH-009", "SRS-PH-018")]
    public void Ending_chemo_early_is_refused_before_chemo()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ReadyForChemo);

        AssertRefused(rig.Next(OperatorAction.EndChemoEarly), OperatorAction.EndChemoEarly, "EndChemoEarly", "ReadyForChemo");
    }

    [Fact]
    [Verifies("SRS-PH-010", "SRS-PH-023")]
    public void Washout_ends_in_draining_when_its_ten_minutes_have_elapsed_since_the_confirmed_exchange()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Washout);
        // Exchanging for 5 min, not washout time yet: 300 mL drained ahead of the saline, then refilled.
        var full = rig.Frame.ReservoirVolume;
        rig.Frame = rig.Frame with { ReservoirVolume = full - Volume.FromMilliliters(300) };
        rig.Run(TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(30));
        rig.Frame = rig.Frame with { ReservoirVolume = full };
        rig.Run(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));
        AssertAccepted(rig.Next(OperatorAction.ConfirmWashoutExchange), OperatorAction.ConfirmWashoutExchange);
        rig.Run(TimeSpan.FromMinutes(10) - Cycle, TimeSpan.FromSeconds(30));
        Assert.Equal(Phase.Washout, rig.Phase);

        var outcome = rig.Next();

        Assert.Equal(Phase.Draining, rig.Phase);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.Washout, To: Phase.Draining, Trigger: "WashoutComplete", RequirementId: "SRS-PH-010" });
    }

    [Fact]
    [Verifies("SRS-PH-011")]
    public void Draining_ends_in_complete_when_its_five_minutes_have_elapsed()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Draining);
        rig.Run(TimeSpan.FromMinutes(5) - Cycle, TimeSpan.FromSeconds(30));
        Assert.Equal(Phase.Draining, rig.Phase);

        var outcome = rig.Next();

        Assert.Equal(Phase.Complete, rig.Phase);
        Assert.Contains(Transitions(outcome), t => t is { From: Phase.Draining, To: Phase.Complete, Trigger: "DrainComplete", RequirementId: "SRS-PH-011" });
    }

    public static TheoryData<Phase> Pausable() => new(PhaseMachine.PausablePhases);

    [Theory]
    [MemberData(nameof(Pausable))]
    [Verifies("SRS-PH-012", "SRS-PH-013")]
    public void A_treatment_phase_pauses_with_everything_held_off_and_resumes_into_itself(Phase phase)
    {
        var rig = new ProcedureRig().DriveTo(phase);

        var paused = rig.Next(OperatorAction.Pause);
        AssertAccepted(paused, OperatorAction.Pause);
        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.Equal(ActuatorCommand.Safe, paused.Desired.Command);

        var resumed = rig.Next(OperatorAction.Resume);
        AssertAccepted(resumed, OperatorAction.Resume);
        Assert.Equal(phase, rig.Phase);
        Assert.Contains(Transitions(resumed), t => t is { From: Phase.Paused, RequirementId: "SRS-PH-013" } && t.To == phase);
    }

    [Fact]
    [Verifies("SRS-PH-012", "SRS-PH-018")]
    public void Pause_is_refused_in_standby()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);

        AssertRefused(rig.Next(OperatorAction.Pause), OperatorAction.Pause, "Pause", "Standby");
    }

    [Fact]
    [Verifies("SRS-PH-013", "SRS-PH-018")]
    public void Resume_is_refused_while_a_latched_trip_holds_naming_it()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Next(OperatorAction.Pause);
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.OcclusionHolding());

        AssertRefused(rig.Next(OperatorAction.Resume), OperatorAction.Resume, "Resume", "Paused", "IL-OCCLUSION");
        Assert.Equal(Phase.Paused, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-013", "SRS-PH-018")]
    public void Resume_is_refused_while_a_component_is_late_naming_it()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Next(OperatorAction.Pause);
        rig.Health = ProcedureRig.Late("alarms");

        AssertRefused(rig.Next(OperatorAction.Resume), OperatorAction.Resume, "Resume", "Paused", "alarms");
    }

    [Fact]
    [Verifies("SRS-PH-013")]
    public void Resume_is_accepted_once_the_latched_trip_awaits_its_reset()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Heating);
        rig.Next(OperatorAction.Pause);
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.OcclusionAwaitingReset());

        AssertAccepted(rig.Next(OperatorAction.Resume), OperatorAction.Resume);
        Assert.Equal(Phase.Heating, rig.Phase);
    }
}

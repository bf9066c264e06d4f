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
/// Priming ends only after air-free circulation — the board holding the pump running, a valid flow reading at half the
/// target flow or more (1.0 L/min of the default 2.0 L/min), a valid air detector reading no air — for the profile's
/// priming time (30 s: 300 cycles of 100 ms) without a break (SRS-PH-004). The rig's set is primed from dry: its air
/// passes the detector in the first cycle of Priming (SRS-PH-026), and the air-free time counts from the next.
/// </summary>
public class ProcedurePrimingTests
{
    private const int PrimingCycles = 300;

    private static ProcedureRig Priming()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.PinnedHeld = Running;
        rig.Next(OperatorAction.StartPriming);
        Assert.Equal(Phase.Priming, rig.Phase);
        rig.Next(); // the dry set's air passes the detector
        Assert.True(rig.State.PrimingAirSeen);
        return rig;
    }

    /// <summary>In Priming with a set that never shows the detector air (a wet set, or a detector stuck at "no air").</summary>
    private static ProcedureRig PrimingWithoutAir()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.PrimedFromDry = false;
        rig.PinnedHeld = Running;
        rig.Next(OperatorAction.StartPriming);
        Assert.Equal(Phase.Priming, rig.Phase);
        return rig;
    }

    private static List<string> Notes(ProcedureRig rig, int cycles)
    {
        var notes = new List<string>();
        for (var i = 0; i < cycles; i++)
        {
            notes.AddRange(rig.Next().Records.Select(r => r.Entry).OfType<NoteEntry>().Select(n => n.Text));
        }

        return notes;
    }

    [Fact]
    [Verifies("SRS-PH-026")]
    public void Priming_is_held_until_the_detector_reports_the_priming_air_logged_once_then_ends_after_the_air_free_time()
    {
        var rig = PrimingWithoutAir();

        var notes = Notes(rig, 3 * PrimingCycles);

        Assert.Equal(Phase.Priming, rig.Phase);
        Assert.False(rig.State.PrimingAirSeen);
        var note = Assert.Single(notes);
        Assert.StartsWith("PrimingComplete refused in phase Priming: the air detector has not yet reported the priming air (SRS-PH-026)", note,
            StringComparison.Ordinal);
        Assert.Contains("check the detector and the set", note, StringComparison.Ordinal);

        // The air arrives late (the set was not quite dry at the detector): it breaks the air-free time, which runs again.
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Next();
        rig.Frame = rig.Frame with { AirDetected = false };
        Assert.True(rig.State.PrimingAirSeen);
        rig.Cycles(PrimingCycles - 1);
        Assert.Equal(Phase.Priming, rig.Phase);
        var outcome = rig.Next();
        Assert.Equal(Phase.Heating, rig.Phase);
        Assert.Contains(outcome.Records.Select(r => r.Entry).OfType<PhaseTransitionEntry>(),
            t => t is { From: Phase.Priming, To: Phase.Heating, Trigger: "PrimingComplete" });
    }

    [Fact]
    [Verifies("SRS-PH-026")]
    public void An_air_reading_on_a_flagged_channel_is_not_the_priming_air()
    {
        var rig = PrimingWithoutAir();
        rig.Frame = rig.Frame with { AirDetected = true, ChannelFaultBits = Bit(SensorChannel.AirDetected) };
        rig.Next();
        rig.Frame = rig.Frame with { AirDetected = false, ChannelFaultBits = 0 };

        rig.Cycles(2 * PrimingCycles);

        Assert.False(rig.State.PrimingAirSeen);
        Assert.Equal(Phase.Priming, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-026")]
    public void Air_before_priming_is_not_the_priming_air()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.PrimedFromDry = false;
        rig.PinnedHeld = Running;
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Cycles(5);
        rig.Frame = rig.Frame with { AirDetected = false };
        rig.Next(OperatorAction.StartPriming);

        rig.Cycles(2 * PrimingCycles);

        Assert.False(rig.State.PrimingAirSeen);
        Assert.Equal(Phase.Priming, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-026")]
    public void A_procedure_resumed_in_priming_after_a_restart_is_not_held_for_priming_air_its_wet_set_cannot_show()
    {
        var rig = new ProcedureRig { PrimedFromDry = false };
        rig.State = rig.Procedure.ResumeFrom(new ProcedureResume(Phase.Priming, TimeSpan.Zero, TimeSpan.FromMinutes(90), TimeSpan.Zero,
            TimeSpan.Zero, ProcedureRig.Profile.Name, CheckpointCircuitVolume.None, null, [], [], 1, 0, TimeSpan.Zero));
        for (var i = 0; i < 50 && rig.Phase == Phase.PowerOnSelfTest; i++)
        {
            rig.Next();
        }

        Assert.Equal(Phase.Interrupted, rig.Phase);
        rig.PinnedHeld = Running;
        rig.Next(OperatorAction.ResumeInterrupted);
        Assert.Equal(Phase.Priming, rig.Phase);

        rig.Cycles(PrimingCycles + 1);

        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-004")]
    public void Priming_completes_after_exactly_the_priming_time_of_air_free_circulation()
    {
        var rig = Priming();

        rig.Cycles(PrimingCycles - 1);
        Assert.Equal(Phase.Priming, rig.Phase);

        var outcome = rig.Next();
        Assert.Equal(Phase.Heating, rig.Phase);
        Assert.Contains(outcome.Records.Select(r => r.Entry).OfType<PhaseTransitionEntry>(),
            t => t is { From: Phase.Priming, To: Phase.Heating, Trigger: "PrimingComplete", RequirementId: "SRS-PH-004" });
    }

    [Fact]
    [Verifies("SRS-PH-025")]
    public void Priming_is_held_while_the_air_detector_check_fails_logged_once_and_ends_when_it_passes()
    {
        var rig = Priming();
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.AirDetectorUntested());

        var notes = new List<string>();
        for (var i = 0; i < 3 * PrimingCycles; i++)
        {
            notes.AddRange(rig.Next().Records.Select(r => r.Entry).OfType<NoteEntry>().Select(n => n.Text));
        }

        Assert.Equal(Phase.Priming, rig.Phase);
        var note = Assert.Single(notes);
        Assert.StartsWith("PrimingComplete refused in phase Priming: the air detector has not reported the priming air (IL-AIR-DETECTOR-UNTESTED", note, StringComparison.Ordinal);

        rig.LastVerdict = null;
        var outcome = rig.Next();
        Assert.Equal(Phase.Heating, rig.Phase);
        Assert.Contains(outcome.Records.Select(r => r.Entry).OfType<PhaseTransitionEntry>(),
            t => t is { From: Phase.Priming, To: Phase.Heating, Trigger: "PrimingComplete", RequirementId: "SRS-PH-004" });
    }

    [Fact]
    [Verifies("SRS-PH-025")]
    public void A_procedure_resumed_in_priming_after_a_restart_is_not_held_by_the_check_its_wet_set_cannot_repeat()
    {
        var rig = new ProcedureRig { PrimedFromDry = false };
        rig.State = rig.Procedure.ResumeFrom(new ProcedureResume(Phase.Priming, TimeSpan.Zero, TimeSpan.FromMinutes(90), TimeSpan.Zero,
            TimeSpan.Zero, ProcedureRig.Profile.Name, CheckpointCircuitVolume.None, null, [], [], 1, 0, TimeSpan.Zero));
        for (var i = 0; i < 50 && rig.Phase == Phase.PowerOnSelfTest; i++)
        {
            rig.Next();
        }

        Assert.Equal(Phase.Interrupted, rig.Phase);
        rig.PinnedHeld = Running;
        rig.Next(OperatorAction.ResumeInterrupted);
        Assert.Equal(Phase.Priming, rig.Phase);

        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.AirDetectorUntested());
        rig.Cycles(PrimingCycles + 1);

        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-025")]
    public void Other_alarms_do_not_hold_priming()
    {
        var rig = Priming();
        rig.LastVerdict = TripSamples.VerdictWith(TripSamples.CoreWarning());

        rig.Cycles(PrimingCycles);

        Assert.Equal(Phase.Heating, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-004")]
    public void Half_the_target_flow_counts_as_circulation_and_just_below_it_does_not()
    {
        var half = Priming();
        half.Flow = VolumetricFlow.FromMillilitersPerMinute(1000);
        half.Cycles(PrimingCycles);
        Assert.Equal(Phase.Heating, half.Phase);

        var below = Priming();
        below.Flow = VolumetricFlow.FromMillilitersPerMinute(999);
        below.Cycles(PrimingCycles);
        Assert.Equal(Phase.Priming, below.Phase);
        Assert.Equal(Duration.Zero, below.State.PrimedFor);
    }

    [Fact]
    [Verifies("SRS-PH-004")]
    public void Air_restarts_the_priming_time()
    {
        var rig = Priming();
        rig.Cycles(PrimingCycles - 1);
        rig.Frame = rig.Frame with { AirDetected = true };
        rig.Next();
        rig.Frame = rig.Frame with { AirDetected = false };

        rig.Cycles(PrimingCycles - 1);
        Assert.Equal(Phase.Priming, rig.Phase);
        rig.Next();
        Assert.Equal(Phase.Heating, rig.Phase);
    }

    public static TheoryData<string> Breaks() => new(["pump held stopped", "flow channel faulted", "air channel faulted", "no sample"]);

    [Theory]
    [MemberData(nameof(Breaks))]
    [Verifies("SRS-PH-004")]
    public void Circulation_that_cannot_be_confirmed_does_not_count(string cause)
    {
        var rig = Priming();
        switch (cause)
        {
            case "pump held stopped":
                rig.PinnedHeld = new ActuatorCommand(0, 0, ClampOpen: true, HeaterEnabled: false);
                break;
            case "flow channel faulted":
                rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.Flow) };
                break;
            case "air channel faulted":
                rig.Frame = rig.Frame with { ChannelFaultBits = Bit(SensorChannel.AirDetected) };
                break;
            default:
                rig.SensorReadFails = true;
                break;
        }

        rig.Cycles(PrimingCycles + 1);

        Assert.Equal(Phase.Priming, rig.Phase);
        Assert.Equal(Duration.Zero, rig.State.PrimedFor);
    }

    [Fact]
    [Verifies("SRS-PH-004")]
    public void Circulation_outside_priming_is_not_counted()
    {
        var rig = new ProcedureRig().DriveTo(Phase.Standby);
        rig.PinnedHeld = Running;

        rig.Cycles(10);

        Assert.Equal(Duration.Zero, rig.State.PrimedFor);
    }
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// ChemoPerfusion ends in Washout when the accumulated chemo time reaches the profile's 90 min; time paused or spent in
/// SafeState does not count and does not restart it (SRS-PH-008); a cycle whose readout shows the pump stopped or the
/// abdomen below the 41.0 °C band low does not count either, and the log tells each such hold (SRS-PH-022).
/// </summary>
public class ProcedureChemoTimeTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Chemo = TimeSpan.FromMinutes(90);
    private static readonly TimeSpan Last = TimeSpan.FromMilliseconds(100);

    private static void AssertEndsAfter(ProcedureRig rig, TimeSpan remaining)
    {
        rig.Run(remaining - Last, Step);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Equal(Chemo - Last, rig.Desired.Report.ChemoElapsed);

        var outcome = rig.Next();
        Assert.Equal(Phase.Washout, rig.Phase);
        Assert.Contains(outcome.Records.Select(r => r.Entry), e => e is PhaseTransitionEntry
        {
            From: Phase.ChemoPerfusion, To: Phase.Washout, Trigger: "ChemoTimeElapsed", RequirementId: "SRS-PH-008",
        });
    }

    /// <summary>
    /// As <see cref="AssertEndsAfter"/>, after a run of many short cycles: chemo time is summed in floating-point seconds,
    /// so after hundreds of 100 ms steps the sum may fall a hair short of 90 min at the boundary cycle and the phase ends
    /// one cycle later.
    /// </summary>
    private static void AssertEndsWithinACycleOf(ProcedureRig rig, TimeSpan remaining)
    {
        rig.Run(remaining - Last, Step);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Equal(Chemo - Last, rig.Desired.Report.ChemoElapsed);

        rig.Next();
        if (rig.Phase == Phase.ChemoPerfusion)
        {
            rig.Next();
        }

        Assert.Equal(Phase.Washout, rig.Phase);
    }

    [Fact]
    [Verifies("SRS-PH-008")]
    public void Chemo_ends_when_ninety_minutes_have_been_perfused()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);

        AssertEndsAfter(rig, Chemo);
    }

    [Fact]
    [Verifies("SRS-PH-008", "SRS-PH-012", "SRS-PH-013")]
    public void A_pause_neither_counts_nor_restarts_the_chemo_time()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(30), Step);
        rig.Next(OperatorAction.Pause);
        var perfused = TimeSpan.FromMinutes(30) + Last; // perfused until the cycle that took the pause
        Assert.Equal(perfused, rig.Desired.Report.ChemoElapsed);
        rig.Run(TimeSpan.FromMinutes(10), Step);
        Assert.Equal(perfused, rig.Desired.Report.ChemoElapsed);

        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);

        AssertEndsAfter(rig, Chemo - perfused);
    }

    [Fact]
    [Verifies("SRS-PH-008", "SRS-PH-015")]
    public void A_safe_state_episode_neither_counts_nor_restarts_the_chemo_time()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(30), Step);
        rig.Health = ProcedureRig.Failed("alarms");
        rig.Next(Last, [], []);
        Assert.Equal(Phase.SafeState, rig.Phase);
        var perfused = TimeSpan.FromMinutes(30) + Last; // perfused until the cycle that saw the fault
        rig.Health = new HealthStatus(true, ValueList.Empty<string>(), ValueList.From(["alarms"]));
        rig.Run(TimeSpan.FromMinutes(5), Step);
        Assert.Equal(perfused, rig.Desired.Report.ChemoElapsed);

        rig.Next(OperatorAction.Reset);
        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);

        AssertEndsAfter(rig, Chemo - perfused);
    }

    public enum PumpStop
    {
        HeldAtZero,
        RunningBitClear,
        TachometerAtZero,
        NoFeedback,
    }

    [Theory]
    [InlineData(PumpStop.HeldAtZero, "pump stopped: the board holds pump speed 0.0 rpm")]
    [InlineData(PumpStop.RunningBitClear, "pump stopped: the board reports it not running (board_status bit3 clear)")]
    [InlineData(PumpStop.TachometerAtZero, "pump stopped: pump_speed_actual 0.0 rpm")]
    [InlineData(PumpStop.NoFeedback, "pump not shown turning: no actuator board feedback (response timeout)")]
    [Verifies("SRS-PH-022", "SRS-PH-008")]
    public void Chemo_time_does_not_count_while_the_pump_is_stopped_and_the_log_says_why(PumpStop stop, string reason)
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(30), Step);
        var stoppedFrom = rig.Now;

        Stop(rig, stop, true);
        var held = Records(rig, TimeSpan.FromMinutes(5), Step);
        Assert.Equal(TimeSpan.FromMinutes(30), rig.Desired.Report.ChemoElapsed);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Equal(reason, rig.Desired.Report.ClockHeld);
        Assert.Equal([$"chemo clock held at chemo time 30m: {reason}"], Notes(held));

        Stop(rig, stop, false);
        var running = Records(rig, TimeSpan.FromSeconds(10), Last);
        Assert.Null(rig.Desired.Report.ClockHeld);
        Assert.Equal([$"chemo clock running again since {Clock(stoppedFrom + TimeSpan.FromMinutes(5))}, at chemo time 30m10s: 5m held since {Clock(stoppedFrom)}"],
            Notes(running));

        AssertEndsWithinACycleOf(rig, Chemo - TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(10));
    }

    [Fact]
    [Verifies("SRS-PH-022", "SRS-PH-008")]
    public void Chemo_time_does_not_count_while_the_median_abdominal_probe_is_below_the_band()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(20), Step);

        // The heater failed: the abdomen cools to 40.5 °C, below the 41.0 °C band low.
        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 40.5);
        var held = Records(rig, TimeSpan.FromMinutes(15), Step);
        Assert.Equal(TimeSpan.FromMinutes(20), rig.Desired.Report.ChemoElapsed);
        Assert.Equal(["chemo clock held at chemo time 20m: abdomen below the band: median of 4 valid probes 40.50 °C < band low 41.00 °C"], Notes(held));

        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 41.0); // at the band low: in the band
        rig.Next(TimeSpan.FromSeconds(1), [], []); // (a 0.5 K step in 100 ms would fail the probes' rate check)
        Assert.Equal(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1), rig.Desired.Report.ChemoElapsed);

        AssertEndsAfter(rig, Chemo - TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void One_probe_in_a_cold_corner_does_not_hold_the_chemo_clock()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Frame = rig.Frame with { Abdomen2 = T(38.5) }; // 3 K below the others: the median of four stays 41.5 °C

        var records = Records(rig, TimeSpan.FromMinutes(10), Step);

        Assert.Equal(TimeSpan.FromMinutes(10), rig.Desired.Report.ChemoElapsed);
        Assert.Empty(Notes(records));
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void With_fewer_than_three_valid_abdominal_probes_nothing_shows_the_band_and_the_clock_is_held()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(10), Step);

        rig.Frame = rig.Frame with { ChannelFaultBits = (ushort)(Bit(SensorChannel.Abdomen1) | Bit(SensorChannel.Abdomen3)) };
        var held = Records(rig, TimeSpan.FromMinutes(3), Step);

        Assert.Equal(TimeSpan.FromMinutes(10), rig.Desired.Report.ChemoElapsed);
        Assert.Equal(["chemo clock held at chemo time 10m: abdomen not known to be in the band: 2 valid abdominal probes, fewer than 3"], Notes(held));
    }

    [Fact]
    [Verifies("SRS-PH-022")]
    public void A_median_chattering_about_the_band_low_counts_each_cycle_and_is_logged_as_one_episode()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(10), Step);
        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 41.01);
        rig.Next(TimeSpan.FromSeconds(1), [], []);
        var from = rig.Now;

        // 20 s of readings alternating 40.99 / 41.01 °C: every other cycle is below the band.
        var records = new List<CycleLogEntry>();
        for (var i = 0; i < 200; i++)
        {
            rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, i % 2 == 0 ? 40.99 : 41.01);
            records.AddRange(rig.Next().Records);
        }

        Assert.Equal(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1) + (100 * Last), rig.Desired.Report.ChemoElapsed);
        Assert.Single(Notes(records));

        // The clock has run since the last cycle of the chatter began; 10 s later the episode is over.
        records.AddRange(Records(rig, TimeSpan.FromSeconds(10), Last));
        var notes = Notes(records);
        Assert.Equal(2, notes.Count);
        Assert.Equal("chemo clock held at chemo time 10m1s: abdomen below the band: median of 4 valid probes 40.99 °C < band low 41.00 °C", notes[0]);
        // 100 cycles held, each one a pause and a resume of its own: the record counts them.
        Assert.Equal($"chemo clock running again since {Clock(from + (199 * Last))}, at chemo time 10m20s900ms: 10s held in 100 stretches since {Clock(from)}", notes[1]);
    }

    [Fact]
    [Verifies("SRS-PH-022", "SRS-PH-012", "SRS-PH-013")]
    public void A_hold_ends_with_the_phase_and_a_pump_starting_again_after_resume_holds_nothing()
    {
        var rig = new ProcedureRig().DriveTo(Phase.ChemoPerfusion);
        rig.Run(TimeSpan.FromMinutes(30), Step);
        var from = rig.Now;
        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 40.5);
        rig.Run(TimeSpan.FromMinutes(2), Step);

        var records = new List<CycleLogEntry>(rig.Next(OperatorAction.Pause).Records);
        records.AddRange(rig.Next().Records);
        Assert.Equal(Phase.Paused, rig.Phase);
        Assert.Equal([$"chemo clock hold over with ChemoPerfusion left, at chemo time 30m: 2m100ms held since {Clock(from)}"], Notes(records));

        rig.Frame = ProcedureRig.WithAbdomen(rig.Frame, 41.5);
        rig.Run(TimeSpan.FromMinutes(5), Step);
        rig.Next(OperatorAction.Resume);
        Assert.Equal(Phase.ChemoPerfusion, rig.Phase);
        Assert.Empty(Notes(Records(rig, TimeSpan.FromSeconds(30), Last)));
        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(30), rig.Desired.Report.ChemoElapsed);
    }

    private static void Stop(ProcedureRig rig, PumpStop stop, bool on)
    {
        switch (stop)
        {
            case PumpStop.HeldAtZero:
                // Something else stopped the pump (an interlock): the board holds 0 rpm whatever control asks.
                var stopped = rig.Held with { PumpSpeedRpm = 0, HeaterPowerPermille = 0, HeaterEnabled = false };
                rig.PinnedHeld = on ? stopped : null;
                rig.Held = on ? stopped : rig.Desired.Command; // released: the board takes control's command again

                break;
            case PumpStop.RunningBitClear:
                rig.FeedbackFault = on ? f => f with { Status = f.Status & ~BoardStatus.PumpRunning } : null;
                break;
            case PumpStop.TachometerAtZero:
                rig.FeedbackFault = on ? f => f with { PumpSpeedActualRpm = 0 } : null;
                break;
            case PumpStop.NoFeedback:
                rig.FeedbackReadFails = on;
                break;
        }
    }

    /// <summary>Steps cycles of <paramref name="dt"/> for <paramref name="duration"/>, collecting their hazard-log records.</summary>
    private static List<CycleLogEntry> Records(ProcedureRig rig, TimeSpan duration, TimeSpan dt)
    {
        var records = new List<CycleLogEntry>();
        var end = rig.Now + duration;
        while (rig.Now < end)
        {
            records.AddRange(rig.Next(dt, [], []).Records);
        }

        return records;
    }

    private static List<string> Notes(IEnumerable<CycleLogEntry> records) =>
        [.. records.Select(r => r.Entry).OfType<NoteEntry>().Select(n => n.Text)];

    private static string Clock(TimeSpan t) => t.ToString(@"hh\:mm\:ss\.f", System.Globalization.CultureInfo.InvariantCulture);
}

using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Hil.RealTime;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>The operator of <c>run --auto</c> decides from cycle reports alone; no clock, no controller needed.</summary>
public sealed class RealTimeOperatorTests
{
    // Times are multiples of 0.25 s: exact in binary, so the 2 s / 5 s / 10 s boundaries are met exactly.
    private static CycleReport Report(double seconds, Phase phase, double abdomenC = 40.5, AlarmState? alarm = null) => new(
        new CycleTick((long)(seconds * 4), TimeSpan.FromSeconds(seconds), DateTimeOffset.UnixEpoch.AddSeconds(seconds)),
        Frame(abdomenC),
        null,
        phase,
        ActuatorCommand.Safe,
        null,
        [],
        [],
        alarm is { } state ? Annunciation(state) : null,
        HeartbeatWritten: true,
        WriteFailure: null,
        TimeSpan.Zero,
        []);

    private static SensorFrame Frame(double abdomenC)
    {
        var t = Temperature.FromDegreesCelsius(abdomenC);
        var line = Temperature.FromDegreesCelsius(42.0);
        return new SensorFrame(1, 0, line, line, line, t, t, t, t, Temperature.FromDegreesCelsius(37.5),
            Pressure.FromMillimetersOfMercury(120), VolumetricFlow.FromLitersPerMinute(2), Volume.FromMilliliters(1500), false,
            Pressure.FromMillimetersOfMercury(10));
    }

    private static Annunciation Annunciation(AlarmState state) => new(
        AlarmPriority.Medium, AudioState.Silent, null, null, new VisualSignal(SignalColor.Yellow, true, 0.5, 0.5),
        [new AlarmView("IL-FLOW", AlarmPriority.Medium, null, "flow deviation", "1.7 L/min", "2.0 L/min ± 10 %", true, state,
            Duration.FromSeconds(1), null, null, new VisualSignal(SignalColor.Yellow, true, 0.5, 0.5))]);

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Starts_priming_in_standby_and_asks_again_only_if_the_phase_did_not_change()
    {
        var op = new RealTimeOperator(TreatmentProfile.Default);
        Assert.Equal([OperatorAction.StartPriming], op.Decide(Report(0.5, Phase.Standby)));
        Assert.Empty(op.Decide(Report(0.75, Phase.Standby))); // a report queued before the press took effect
        Assert.Empty(op.Decide(Report(2.25, Phase.Standby)));
        Assert.Equal([OperatorAction.StartPriming], op.Decide(Report(2.5, Phase.Standby)));
        Assert.Empty(op.Decide(Report(2.75, Phase.Priming)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Adds_the_drug_after_ten_seconds_in_ReadyForChemo_only_while_every_probe_shows_the_minimum()
    {
        var op = new RealTimeOperator(TreatmentProfile.Default);
        Assert.Empty(op.Decide(Report(100.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(109.75, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(110.0, Phase.ReadyForChemo, abdomenC: 39.99)));
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(110.25, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(110.5, Phase.ReadyForChemo))); // not again while the phase change is under way
        Assert.Empty(op.Decide(Report(110.75, Phase.ChemoPerfusion)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Acknowledges_cleared_latched_alarms_at_most_every_five_seconds_and_never_resets_a_safe_state()
    {
        var op = new RealTimeOperator(TreatmentProfile.Default);
        Assert.Empty(op.Decide(Report(10.0, Phase.Heating, alarm: AlarmState.Active)));
        Assert.Equal([OperatorAction.AcknowledgeAlarms], op.Decide(Report(10.25, Phase.Heating, alarm: AlarmState.LatchedCleared)));
        Assert.Empty(op.Decide(Report(15.0, Phase.Heating, alarm: AlarmState.LatchedCleared)));
        Assert.Equal([OperatorAction.AcknowledgeAlarms], op.Decide(Report(15.25, Phase.Heating, alarm: AlarmState.LatchedCleared)));
        Assert.DoesNotContain(OperatorAction.Reset, op.Decide(Report(30.0, Phase.SafeState, alarm: AlarmState.LatchedCleared)));
        Assert.Empty(op.Decide(Report(40.0, Phase.SafeState)));
    }

    [Theory]
    [Verifies("SRS-HS-001")]
    [InlineData(Phase.Washout, false)]
    [InlineData(Phase.Draining, true)]
    [InlineData(Phase.Complete, true)]
    public void Asks_for_the_abdominal_drains_in_Draining_and_after(Phase phase, bool open) =>
        Assert.Equal(open, RealTimeOperator.DrainsShouldBeOpen(Report(1, phase)));
}

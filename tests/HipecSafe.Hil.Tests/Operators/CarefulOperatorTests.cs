using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Hil.Operators;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Operators;

/// <summary>
/// The automatic operator's rules, from hand-built cycle reports alone: no clock, no controller. The timings are the
/// operator's: the leak check after 10 s in ReadyForChemo, acknowledgements at most every 5 s, a step that did not
/// take pressed again after 2 s.
/// </summary>
public sealed class CarefulOperatorTests
{
    /// <summary>The drug-addition minimum of the profile these tests use (not the default's, so the rule reads the profile).</summary>
    private const double DrugMinimumC = 41.0;

    private static readonly TreatmentProfile Profile = TreatmentProfile.Default with { DrugAdditionMinimum = Temperature.FromDegreesCelsius(DrugMinimumC) };

    private static CarefulOperator NewOperator() => new(Profile);

    // Times are multiples of 0.25 s: exact in binary, so the 2 s / 5 s / 10 s boundaries are met exactly.
    private static CycleReport Report(double seconds, Phase phase, double[]? probesC = null, AlarmState? alarm = null, bool frame = true,
        string? clockHeld = null) => new(
        new CycleTick((long)(seconds * 4), TimeSpan.FromSeconds(seconds), DateTimeOffset.UnixEpoch.AddSeconds(seconds)),
        frame ? Frame(probesC ?? [41.5, 41.5, 41.5, 41.5]) : null,
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
        [],
        clockHeld);

    private static SensorFrame Frame(double[] probesC)
    {
        var line = Temperature.FromDegreesCelsius(42.0);
        var p = probesC.Select(Temperature.FromDegreesCelsius).ToArray();
        return new SensorFrame(1, 0, line, line, line, p[0], p[1], p[2], p[3], Temperature.FromDegreesCelsius(37.5),
            Pressure.FromMillimetersOfMercury(120), VolumetricFlow.FromLitersPerMinute(2), Volume.FromMilliliters(1500), false,
            Pressure.FromMillimetersOfMercury(10));
    }

    private static Annunciation Annunciation(AlarmState state) => new(
        AlarmPriority.Medium, AudioState.Silent, null, null, new VisualSignal(SignalColor.Yellow, true, 0.5, 0.5),
        [new AlarmView("IL-FLOW", AlarmPriority.Medium, null, "flow deviation", "1.7 L/min", "2.0 L/min ± 10 %", true, state,
            Duration.FromSeconds(1), null, null, new VisualSignal(SignalColor.Yellow, true, 0.5, 0.5))]);

    /// <summary>An operator that has been in ReadyForChemo since <paramref name="since"/> s with the probes below the minimum.</summary>
    private static CarefulOperator ReadySince(double since)
    {
        var op = NewOperator();
        Assert.Empty(op.Decide(Report(since, Phase.ReadyForChemo, [40.0, 40.0, 40.0, 40.0])));
        return op;
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Starts_priming_in_standby_and_presses_again_every_two_seconds_until_the_phase_changes()
    {
        var op = NewOperator();
        Assert.Equal([OperatorAction.StartPriming], op.Decide(Report(0.5, Phase.Standby)));
        Assert.Empty(op.Decide(Report(0.75, Phase.Standby))); // a report under way before the press took effect
        Assert.Empty(op.Decide(Report(2.25, Phase.Standby)));
        Assert.Equal([OperatorAction.StartPriming], op.Decide(Report(2.5, Phase.Standby))); // it did not take
        Assert.Empty(op.Decide(Report(4.25, Phase.Standby)));
        Assert.Equal([OperatorAction.StartPriming], op.Decide(Report(4.5, Phase.Standby)));
        Assert.Empty(op.Decide(Report(4.75, Phase.Priming)));
        Assert.Empty(op.Decide(Report(60.0, Phase.Priming)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void A_step_that_took_leaves_no_pacing_behind_for_the_next_one()
    {
        var op = ReadySince(100.0);
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(110.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(110.25, Phase.ChemoPerfusion)));

        // Back in ReadyForChemo at once (a refused drug addition elsewhere): only the 10 s rule holds it back, not the retry pacing.
        Assert.Empty(op.Decide(Report(110.5, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(120.25, Phase.ReadyForChemo)));
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(120.5, Phase.ReadyForChemo)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Confirms_the_leak_check_and_adds_the_drug_after_ten_seconds_in_ReadyForChemo()
    {
        var op = NewOperator();
        Assert.Empty(op.Decide(Report(100.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(109.75, Phase.ReadyForChemo)));
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(110.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(110.25, Phase.ChemoPerfusion)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [Verifies("SRS-HS-001")]
    public void Adds_no_drug_while_any_displayed_abdominal_probe_is_not_above_the_minimum_by_the_probe_accuracy(int coldProbe)
    {
        var op = ReadySince(100.0);
        // The device asks for a reading above the minimum + 0.1 K probe accuracy (SRS-PH-007); so does the operator.
        var probes = Enumerable.Repeat(DrugMinimumC + 0.11, 4).ToArray();
        probes[coldProbe] = DrugMinimumC + 0.1;

        Assert.Empty(op.Decide(Report(110.0, Phase.ReadyForChemo, probes)));
        Assert.Empty(op.Decide(Report(110.25, Phase.ReadyForChemo, frame: false))); // nothing displayed: nothing known
        probes[coldProbe] = DrugMinimumC + 0.11;
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(110.5, Phase.ReadyForChemo, probes)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void A_drug_addition_that_did_not_take_is_pressed_again_after_two_seconds_while_the_probes_stay_warm()
    {
        var op = ReadySince(100.0);
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(110.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(110.25, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(111.75, Phase.ReadyForChemo)));
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(112.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(114.0, Phase.ReadyForChemo, [40.0, 41.5, 41.5, 41.5]))); // cooled below: wait
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(114.25, Phase.ReadyForChemo)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void The_ten_seconds_in_ReadyForChemo_start_again_each_time_the_phase_is_entered()
    {
        var op = ReadySince(100.0);
        Assert.Empty(op.Decide(Report(105.0, Phase.Heating)));
        Assert.Empty(op.Decide(Report(106.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(115.75, Phase.ReadyForChemo)));
        Assert.Equal([OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug], op.Decide(Report(116.0, Phase.ReadyForChemo)));
    }

    [Fact]
    [Verifies("SRS-SC-016")]
    public void A_refused_step_is_never_pressed_and_the_other_steps_go_on()
    {
        var op = NewOperator();
        op.Refuse(OperatorAction.AddDrug);
        op.Refuse(OperatorAction.AcknowledgeAlarms);
        Assert.Empty(op.Decide(Report(100.0, Phase.ReadyForChemo)));
        // The leak check and the drug are one step: refusing the drug withholds the press, so chemo never starts.
        Assert.Empty(op.Decide(Report(110.0, Phase.ReadyForChemo)));
        Assert.Empty(op.Decide(Report(130.0, Phase.ReadyForChemo, alarm: AlarmState.LatchedCleared)));
        var other = NewOperator();
        other.Refuse(OperatorAction.AddDrug);
        Assert.Equal([OperatorAction.StartPriming], other.Decide(Report(0.5, Phase.Standby)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void Acknowledges_alarms_whose_condition_cleared_at_most_every_five_seconds()
    {
        var op = NewOperator();
        Assert.Empty(op.Decide(Report(10.0, Phase.Heating, alarm: AlarmState.Active)));
        Assert.Empty(op.Decide(Report(10.25, Phase.Heating, alarm: AlarmState.ActiveAcknowledged)));
        Assert.Equal([OperatorAction.AcknowledgeAlarms], op.Decide(Report(10.5, Phase.Heating, alarm: AlarmState.LatchedCleared)));
        Assert.Empty(op.Decide(Report(15.25, Phase.Heating, alarm: AlarmState.LatchedCleared)));
        Assert.Equal([OperatorAction.AcknowledgeAlarms], op.Decide(Report(15.5, Phase.Heating, alarm: AlarmState.LatchedCleared)));
        Assert.Empty(op.Decide(Report(16.0, Phase.Heating)));
        Assert.Equal([OperatorAction.AcknowledgeAlarms], op.Decide(Report(20.5, Phase.Heating, alarm: AlarmState.LatchedCleared)));
    }

    [Fact]
    [Verifies("SRS-HS-001")]
    public void A_step_and_an_acknowledgement_due_together_come_step_first()
    {
        var op = NewOperator();
        Assert.Equal([OperatorAction.StartPriming, OperatorAction.AcknowledgeAlarms], op.Decide(Report(0.5, Phase.Standby, alarm: AlarmState.LatchedCleared)));
    }

    [Theory]
    [InlineData(Phase.SafeState)]
    [InlineData(Phase.EmergencyStop)]
    [Verifies("SRS-HS-001")]
    public void Never_resets_a_safe_state_or_releases_an_emergency_stop_only_acknowledges(Phase phase)
    {
        var op = NewOperator();
        var pressed = new List<OperatorAction>();
        for (var t = 0.0; t < 600.0; t += 0.25)
        {
            AlarmState? alarm = ((int)(t / 30) % 3) switch { 0 => AlarmState.Active, 1 => AlarmState.LatchedCleared, _ => (AlarmState?)null };
            pressed.AddRange(op.Decide(Report(t, phase, alarm: alarm)));
        }

        Assert.NotEmpty(pressed);
        Assert.All(pressed, a => Assert.Equal(OperatorAction.AcknowledgeAlarms, a));
    }

    [Theory]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Heating)]
    [InlineData(Phase.ChemoPerfusion)]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Draining)]
    [InlineData(Phase.Complete)]
    [InlineData(Phase.Paused)]
    [InlineData(Phase.SafeState)]
    [InlineData(Phase.EmergencyStop)]
    [Verifies("SRS-HS-001")]
    public void Presses_nothing_in_a_phase_without_an_operator_step_when_no_alarm_waits(Phase phase)
    {
        var op = NewOperator();
        for (var t = 0.0; t < 120.0; t += 0.25)
        {
            Assert.Empty(op.Decide(Report(t, phase)));
        }
    }

    [Theory]
    [InlineData(Phase.PowerOnSelfTest, false)]
    [InlineData(Phase.Standby, false)]
    [InlineData(Phase.Priming, false)]
    [InlineData(Phase.Heating, false)]
    [InlineData(Phase.ReadyForChemo, false)]
    [InlineData(Phase.ChemoPerfusion, false)]
    [InlineData(Phase.Washout, false)]
    [InlineData(Phase.Draining, true)]
    [InlineData(Phase.Complete, true)]
    [InlineData(Phase.Paused, false)]
    [InlineData(Phase.SafeState, false)]
    [InlineData(Phase.EmergencyStop, false)]
    [Verifies("SRS-HS-001")]
    public void Opens_the_abdominal_drains_in_Draining_and_Complete_only(Phase phase, bool open) =>
        Assert.Equal(open, CarefulOperator.DrainsOpen(Report(1, phase)));

    private const string WashoutWaits = "washout time waits for the saline exchange to be confirmed (ConfirmWashoutExchange)";

    [Fact]
    [Verifies("SRS-HIL-028")]
    public void Starts_the_saline_exchange_once_at_the_first_Washout_report()
    {
        var op = NewOperator();
        Assert.Null(op.SalineExchangeToStart(Report(10, Phase.ChemoPerfusion)));

        Assert.Equal(CarefulOperator.WashoutExchange, op.SalineExchangeToStart(Report(20, Phase.Washout, clockHeld: WashoutWaits)));
        Assert.Null(op.SalineExchangeToStart(Report(20.25, Phase.Washout, clockHeld: WashoutWaits)));
        Assert.Null(op.SalineExchangeToStart(Report(400, Phase.Washout)));
        // 5 L at 1 L/min after a 20 s lag: 5 min 20 s from the first drop drained to the last drop poured.
        Assert.Equal(Duration.FromSeconds(320), CarefulOperator.WashoutExchange.Lasts);
    }

    [Fact]
    [Verifies("SRS-HIL-028")]
    public void Confirms_the_exchange_once_it_has_had_its_time_while_the_washout_clock_waits_and_again_after_two_seconds()
    {
        var op = NewOperator();
        op.SalineExchangeToStart(Report(20, Phase.Washout, clockHeld: WashoutWaits));
        Assert.Empty(op.Decide(Report(20, Phase.Washout, clockHeld: WashoutWaits)));
        Assert.Empty(op.Decide(Report(339.75, Phase.Washout, clockHeld: WashoutWaits))); // 0.25 s before the exchange is done

        Assert.Equal([OperatorAction.ConfirmWashoutExchange], op.Decide(Report(340, Phase.Washout, clockHeld: WashoutWaits)));
        Assert.Empty(op.Decide(Report(341.75, Phase.Washout, clockHeld: WashoutWaits)));
        Assert.Equal([OperatorAction.ConfirmWashoutExchange], op.Decide(Report(342, Phase.Washout, clockHeld: WashoutWaits))); // refused: again
        Assert.Empty(op.Decide(Report(344.25, Phase.Washout))); // taken: the washout clock runs, nothing more to confirm
    }
}

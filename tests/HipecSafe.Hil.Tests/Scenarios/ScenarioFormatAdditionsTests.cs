using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Scenarios;
using HipecSafe.TestSupport;

namespace HipecSafe.Hil.Tests.Scenarios;

/// <summary>
/// Actuator-board register faults, the operator script, <c>expect.never_enters</c> and <c>expect.alarm</c>
/// (docs/scenario-format.md §4.2, §4.3, §5): what they load to, and the error each bad input gets (field, line, why).
/// </summary>
public class ScenarioFormatAdditionsTests
{
    private static string Fault(string target, string kind, string? parameters = null) =>
        $"faults:\n  - at: {{ phase: Priming, after: 10s }}\n    target: {target}\n    kind: {kind}" + (parameters is null ? "" : $"\n    params: {parameters}");

    private static ScenarioError Single(string text, string field)
    {
        var (scenario, errors) = ScenarioText.Parse(text);
        Assert.Null(scenario);
        return Assert.Single(errors, e => e.Field == field);
    }

    public static TheoryData<string, string, string?, ActuatorRegisterFault> RegisterFaults => new()
    {
        { "actuator/board_status", "bit_stuck", "{ bit: 2, value: 1 }", new StatusBitStuck(2, true) },
        { "actuator/board_status", "bit_stuck", "{ bit: 3, value: 0 }", new StatusBitStuck(3, false) },
        { "actuator/board_status", "stuck", null, new ActuatorRegisterStuck(ActuatorFeedbackRegister.BoardStatus) },
        { "actuator/heater_power_actual", "offset", "{ delta: 250 }", new ActuatorRegisterOffset(ActuatorFeedbackRegister.HeaterPowerActual, 250) },
        { "actuator/heater_power_actual", "dropout", null, new ActuatorRegisterDropout(ActuatorFeedbackRegister.HeaterPowerActual) },
        { "actuator/pump_speed_actual", "offset", "{ delta: -40.5 }", new ActuatorRegisterOffset(ActuatorFeedbackRegister.PumpSpeedActual, -40.5) },
        { "actuator/pump_speed_actual", "stuck", null, new ActuatorRegisterStuck(ActuatorFeedbackRegister.PumpSpeedActual) },
        { "actuator/limiter_temp", "dropout", null, new ActuatorRegisterDropout(ActuatorFeedbackRegister.LimiterTemp) },
        { "actuator/heartbeat_echo", "stuck", null, new ActuatorRegisterStuck(ActuatorFeedbackRegister.HeartbeatEcho) },
    };

    [Theory]
    [Verifies("SRS-SC-015")]
    [MemberData(nameof(RegisterFaults))]
    public void Actuator_register_faults_load_to_their_action(string target, string kind, string? parameters, ActuatorRegisterFault expected)
    {
        var s = ScenarioText.Load(ScenarioText.Valid(faults: Fault(target, kind, parameters), expect: "expect:\n  safe_state: any"));
        Assert.Equal(new ActuatorRegisterFaultAction(expected), s.Faults[0].Action);
    }

    [Theory]
    [Verifies("SRS-SC-015")]
    [InlineData("actuator/board_status", "bit_stuck", "{ bit: 6, value: 1 }", "faults[0].params.bit", "6 is out of range; it must be between 0 and 5")]
    [InlineData("actuator/board_status", "bit_stuck", "{ bit: 2, value: 2 }", "faults[0].params.value", "'2' is not 0 or 1")]
    [InlineData("actuator/board_status", "bit_stuck", "{ value: 1 }", "faults[0].params.bit", "is required")]
    [InlineData("actuator/board_status", "offset", "{ delta: 1 }", "faults[0].kind", "'offset' is not a fault kind of actuator/board_status; its kinds are stuck, bit_stuck")]
    [InlineData("actuator/heater_power_actual", "offset", "{ delta: 1001 }", "faults[0].params.delta", "1001 ‰ is out of range; it must be between -1000 ‰ and 1000 ‰")]
    [InlineData("actuator/heater_power_actual", "offset", "{ delta: 2.5 }", "faults[0].params.delta", "'2.5' is not a whole number")]
    [InlineData("actuator/limiter_temp", "noise", "{ sigma: 1 }", "faults[0].kind", "its kinds are stuck, offset, dropout")]
    [InlineData("actuator/pump_speed_actual", "dropout", "{ delta: 1 }", "faults[0].params.delta", "unknown key 'delta' (dropout takes no params)")]
    [InlineData("actuator/relay", "stuck", null, "faults[0].target", "'actuator/relay' is not a fault target; targets are")]
    public void A_bad_actuator_register_fault_names_its_field_line_and_what_was_expected(string target, string kind, string? parameters, string field, string message)
    {
        var text = ScenarioText.Valid(faults: Fault(target, kind, parameters), expect: "expect:\n  safe_state: any");
        var error = Single(text, field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        // A missing parameter is reported at its mapping (params), a wrong one at its key, a wrong target or kind at the target.
        var key = field.Split('.')[^1];
        var at = key.StartsWith("faults", StringComparison.Ordinal) ? "target" : text.Contains(key + ":", StringComparison.Ordinal) ? key + ":" : "params";
        Assert.Equal(ScenarioText.LineOf(text, at), error.Line);
    }

    [Fact]
    [Verifies("SRS-SC-015")]
    public void A_register_fault_changes_what_the_board_reports_not_what_it_does()
    {
        var logic = new ActuatorBoardLogic();
        var board = new ActuatorBoardEmulator(logic);
        board.Publish(default);
        board.Inject(new StatusBitStuck(2, true));
        board.Inject(new ActuatorRegisterOffset(ActuatorFeedbackRegister.HeaterPowerActual, 1500));
        board.Publish(default);
        Span<ushort> registers = stackalloc ushort[5];
        Assert.Null(board.ReadInputRegisters(0, registers));
        Assert.Equal((ushort)BoardStatus.HeaterRelayClosed, (ushort)(registers[0] & (ushort)BoardStatus.HeaterRelayClosed));
        Assert.Equal(1000, registers[1]); // kept inside the ICD range: a wrong value, not a malformed reply
        Assert.Equal(0, logic.Outputs().HeaterPowerPermille); // the board still drives nothing (power-on hold)
        board.Clear(ActuatorFeedbackRegister.BoardStatus);
        board.Publish(default);
        Assert.Null(board.ReadInputRegisters(0, registers));
        Assert.Equal(0, registers[0] & (ushort)BoardStatus.HeaterRelayClosed);
    }

    [Fact]
    [Verifies("SRS-SC-015")]
    public void A_stuck_register_holds_what_it_reported_at_the_onset()
    {
        var truth = new ActuatorFeedback(BoardStatus.PumpRunning, 300, 120.5, Temperature.FromDegreesCelsius(44.2), 17);
        var atOnset = truth with { PumpSpeedActualRpm = 80, HeartbeatEcho = 9 };
        Assert.Equal(80, new ActuatorRegisterStuck(ActuatorFeedbackRegister.PumpSpeedActual).Apply(truth, atOnset).PumpSpeedActualRpm);
        Assert.Equal(9, new ActuatorRegisterStuck(ActuatorFeedbackRegister.HeartbeatEcho).Apply(truth, atOnset).HeartbeatEcho);
        Assert.Equal(0.0, new ActuatorRegisterDropout(ActuatorFeedbackRegister.LimiterTemp).Apply(truth, atOnset).LimiterTemperature.DegreesCelsius);
        Assert.Equal(7, new ActuatorRegisterOffset(ActuatorFeedbackRegister.HeartbeatEcho, 65526).Apply(truth, atOnset).HeartbeatEcho); // 16-bit wrap
        Assert.Equal(BoardStatus.None, new StatusBitStuck(3, false).Apply(truth, atOnset).Status);
    }

    [Fact]
    [Verifies("SRS-SC-016")]
    public void An_operator_script_loads_with_pause_resume_acknowledge_and_refuse()
    {
        var text = ScenarioText.Valid(expect: "expect:\n  safe_state: any") + """

            operator_script:
              - at: { phase: ChemoPerfusion, after: 5m }
                action: pause
              - at: { phase: Paused, after: 2m }
                action: resume
              - at: 20m
                action: acknowledge
              - at: { phase: ReadyForChemo, after: 0s }
                action: refuse
                step: add_drug
            """;
        var s = ScenarioText.Load(text);
        Assert.Equal(
            [
                new OperatorStep(0, new AfterPhaseEntry(Phase.ChemoPerfusion, Duration.FromMinutes(5)), ScriptedAction.Pause, null),
                new OperatorStep(1, new AfterPhaseEntry(Phase.Paused, Duration.FromMinutes(2)), ScriptedAction.Resume, null),
                new OperatorStep(2, new AtTime(Duration.FromMinutes(20)), ScriptedAction.Acknowledge, null),
                new OperatorStep(3, new AfterPhaseEntry(Phase.ReadyForChemo, Duration.Zero), ScriptedAction.Refuse, OperatorAction.AddDrug),
            ],
            s.Script);
    }

    [Theory]
    [Verifies("SRS-SC-016")]
    [InlineData("  - at: 1m\n    action: stop", "operator_script[0].action", "action:", "'stop' is not an operator action; actions are pause, resume, acknowledge, refuse")]
    [InlineData("  - at: 1m\n    action: refuse", "operator_script[0].step", "at: 1m", "is required")]
    [InlineData("  - at: 1m\n    action: refuse\n    step: reset", "operator_script[0].step", "step:", "'reset' is not a step the operator presses; refuse one of start_priming, confirm_leak_check, add_drug, acknowledge")]
    [InlineData("  - at: 1m\n    action: pause\n    step: add_drug", "operator_script[0].step", "step:", "applies only to action: refuse (here the action is pause)")]
    [InlineData("  - at: { phase: Chemo, after: 1m }\n    action: pause", "operator_script[0].at.phase", "phase:", "'Chemo' is not a phase")]
    [InlineData("  - at: 2h\n    action: pause", "operator_script[0].at", "at:", "is not before the end of the run")]
    [InlineData("  - action: pause", "operator_script[0].at", "action:", "is required")]
    [InlineData("  - at: 1m\n    action: pause\n    when: now", "operator_script[0].when", "when:", "unknown key 'when'")]
    public void A_bad_operator_step_names_its_field_line_and_what_was_expected(string step, string field, string lineOf, string message)
    {
        var text = ScenarioText.Valid(expect: "expect:\n  safe_state: any") + "\noperator_script:\n" + step;
        var error = Single(text, field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.LineOf(text[text.IndexOf("operator_script", StringComparison.Ordinal)..], lineOf) + ScenarioText.LineOf(text, "operator_script") - 1, error.Line);
    }

    [Fact]
    [Verifies("SRS-SC-017", "SRS-SC-018")]
    public void Never_enters_and_alarm_load()
    {
        var s = ScenarioText.Load(ScenarioText.Valid(expect: "expect:\n  safe_state: forbidden\n  never_enters: [ChemoPerfusion, SafeState]\n  alarm: { id: [IL-HEATER-RUNAWAY, IL-HEATER-POWER-MISMATCH], priority: high, within: 700ms }"));
        Assert.Equal([Phase.ChemoPerfusion, Phase.SafeState], s.Expect.NeverEnters);
        Assert.Equal(new AlarmExpectation(["IL-HEATER-RUNAWAY", "IL-HEATER-POWER-MISMATCH"], AlarmPriority.High, Duration.FromMilliseconds(700)), s.Expect.Alarm);
        var single = ScenarioText.Load(ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  alarm: { id: CRASH-alarms, priority: medium, within: 2s }"));
        Assert.Equal(["CRASH-alarms"], single.Expect.Alarm!.Ids);
    }

    [Theory]
    [Verifies("SRS-SC-017")]
    [InlineData("never_enters: [Chemo]", "'Chemo' is not a phase; phases are PowerOnSelfTest")]
    [InlineData("never_enters: []", "expected a non-empty list of phases")]
    [InlineData("never_enters: ChemoPerfusion", "expected a non-empty list of phases (e.g. [ChemoPerfusion]), found 'ChemoPerfusion'")]
    [InlineData("never_enters: [Washout, Washout]", "Washout is listed twice")]
    public void A_bad_never_enters_names_its_field_line_and_what_was_expected(string entry, string message)
    {
        var text = ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  " + entry);
        var error = Single(text, "expect.never_enters");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.LineOf(text, "never_enters"), error.Line);
    }

    [Theory]
    [Verifies("SRS-SC-018")]
    [InlineData("alarm: { id: IL-AIR, priority: urgent, within: 1s }", "expect.alarm.priority", "'urgent' is not high, medium, low or any")]
    [InlineData("alarm: { id: IL-AIR, priority: high }", "expect.alarm.within", "is required")]
    [InlineData("alarm: { priority: high, within: 1s }", "expect.alarm.id", "is required")]
    [InlineData("alarm: { id: il-air, priority: high, within: 1s }", "expect.alarm.id", "'il-air' is not an alarm ID")]
    [InlineData("alarm: { id: IL-AIR, priority: high, within: 90 }", "expect.alarm.within", "not a duration")]
    [InlineData("alarm: { id: IL-AIR, priority: high, within: 1s, rule: x }", "expect.alarm.rule", "unknown key 'rule' (alarm has id, priority, within)")]
    [InlineData("alarm: IL-AIR", "expect.alarm", "expected a mapping of fields, found 'IL-AIR'")]
    public void A_bad_alarm_expectation_names_its_field_line_and_what_was_expected(string entry, string field, string message)
    {
        var text = ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  " + entry);
        var error = Single(text, field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.LineOf(text, "alarm:"), error.Line);
    }

    /// <summary>
    /// The operator pauses in Priming; in Paused the heater is commanded off, so board_status bit2 (relay contact) stuck
    /// closed is "relay closed while commanded open": IL-HEATER-RUNAWAY, high, after 200 ms (SRS-IL-005).
    /// </summary>
    [Fact]
    [Verifies("SRS-SC-015", "SRS-SC-016", "SRS-SC-017", "SRS-SC-018")]
    public void A_fault_that_hits_Paused_is_detected_and_judged_by_alarm_and_never_enters()
    {
        var text = ScenarioText.Valid(name: "relay-contact-stuck-closed-while-paused", duration: "3m", seed: 5,
            faults: "faults:\n  - at: { phase: Paused, after: 5s }\n    target: actuator/board_status\n    kind: bit_stuck\n    params: { bit: 2, value: 1 }",
            expect: "expect:\n  safe_state: required\n  within: 1s\n  never_enters: [Heating]\n  alarm: { id: IL-HEATER-RUNAWAY, priority: high, within: 1s }")
            + "\noperator_script:\n  - at: { phase: Priming, after: 5s }\n    action: pause\n";
        using var folder = new TempFolder();
        var run = ScenarioRunner.Run(ScenarioText.Load(text), folder.Path);

        Assert.True(run.Result.Passed, string.Join(Environment.NewLine, run.Result.Outcomes));
        var o = run.Result.Observed;
        Assert.True(o.PhasesEntered!.ContainsKey(Phase.Paused));
        Assert.Contains(o.Alarms!, a => a.Id == "IL-HEATER-RUNAWAY" && a.Priority == AlarmPriority.High);
        Assert.NotNull(Assert.Single(o.Script!).FiredAt);
    }

    [Fact]
    [Verifies("SRS-SC-018")]
    public void An_alarm_expectation_fails_when_the_alarm_is_late_or_at_another_priority()
    {
        var text = ScenarioText.Valid(name: "relay-contact-stuck-closed-in-priming", duration: "2m", seed: 5,
            faults: "faults:\n  - at: { phase: Priming, after: 5s }\n    target: actuator/board_status\n    kind: bit_stuck\n    params: { bit: 2, value: 1 }",
            expect: "expect:\n  safe_state: any\n  alarm: { id: IL-HEATER-RUNAWAY, priority: medium, within: 100ms }");
        using var folder = new TempFolder();
        var run = ScenarioRunner.Run(ScenarioText.Load(text), folder.Path);
        var alarm = Assert.Single(run.Result.Outcomes, o => o.Name == "alarm");
        Assert.False(alarm.Passed);
        Assert.Contains("raised at another priority: IL-HEATER-RUNAWAY (high)", alarm.Measured, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-SC-021")]
    public void A_chemo_clock_expectation_loads_its_bound_and_zero_is_allowed()
    {
        var s = ScenarioText.Load(ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  chemo_clock: { max_counted_without_flow: 0s }"));
        Assert.Equal(new ChemoClockExpectation(Duration.Zero), s.Expect.ChemoClock);
        var t = ScenarioText.Load(ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  chemo_clock: { max_counted_without_flow: 200ms }"));
        Assert.Equal(Duration.FromMilliseconds(200), t.Expect.ChemoClock!.MaxCountedWithoutFlow);
    }

    [Theory]
    [Verifies("SRS-SC-021")]
    [InlineData("chemo_clock: { }", "expect.chemo_clock.max_counted_without_flow", "is required")]
    [InlineData("chemo_clock: { max_counted_without_flow: 5 }", "expect.chemo_clock.max_counted_without_flow", "not a duration")]
    [InlineData("chemo_clock: { max_counted_without_flow: 0s, pump: off }", "expect.chemo_clock.pump", "unknown key 'pump' (chemo_clock has max_counted_without_flow)")]
    [InlineData("chemo_clock: 0s", "expect.chemo_clock", "expected a mapping of fields, found '0s'")]
    public void A_bad_chemo_clock_expectation_names_its_field_and_what_was_expected(string entry, string field, string message)
    {
        var text = ScenarioText.Valid(expect: "expect:\n  safe_state: any\n  " + entry);
        var error = Single(text, field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The rotor stops in ChemoPerfusion: the board reports speed 0 and bit3 clear, so no cycle without flow may count
    /// as chemo time (SRS-PH-022) — judged on the plant's true flow, not on what the controller believed.
    /// </summary>
    [Fact]
    [Verifies("SRS-SC-021", "SRS-PH-022")]
    public void A_pump_stopped_in_chemo_counts_no_chemo_time_without_flow()
    {
        var text = ScenarioText.Valid(name: "pump-stopped-chemo-clock", duration: "40m", seed: 127,
            faults: "faults:\n  - at: { phase: ChemoPerfusion, after: 1m }\n    target: actuator/pump\n    kind: stopped",
            expect: "expect:\n  safe_state: any\n  chemo_clock: { max_counted_without_flow: 0s }");
        using var folder = new TempFolder();
        var run = ScenarioRunner.Run(ScenarioText.Load(text), folder.Path);

        var clock = Assert.Single(run.Result.Outcomes, o => o.Name == "chemo_clock");
        Assert.True(clock.Passed, clock.ToString());
        Assert.True(run.Result.Observed.PhasesEntered!.ContainsKey(Phase.ChemoPerfusion));
        // Not vacuous: the procedure stood in ChemoPerfusion without flow for at least 5 s (50 cycles) before the run ended.
        Assert.True(run.Result.Observed.ChemoWithoutFlow!.ChemoCyclesWithoutFlow >= 50, clock.ToString());
    }
}

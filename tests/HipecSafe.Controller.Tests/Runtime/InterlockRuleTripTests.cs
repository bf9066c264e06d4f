using HipecSafe.Core.Actuators;
using HipecSafe.Core.Operations;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// Every rule of the standard set trips and clears through the running controller (lockstep, scripted boards):
/// drive its condition, see the trip in the cycle report and an InterlockTripped record in the hazard log; remove
/// the condition (and, for a latched rule, reset as the operator); see the trip gone and an InterlockCleared record.
/// A rule of the standard set without a scenario here fails the theory, so a new rule cannot go untested.
/// </summary>
public sealed class InterlockRuleTripTests
{
    /// <summary>Where to drive a rule's condition: phases the rule is armed in.</summary>
    public enum Stage
    {
        Standby,
        Priming,
        Heating,
        ChemoPerfusion,
    }

    /// <param name="Apply">Makes the condition hold.</param>
    /// <param name="Remove">Makes it go away (for a board latch: lets the board's latch reset work).</param>
    /// <param name="MaxCycles">Cycles allowed for the trip (persistence and arming times included).</param>
    private sealed record Scenario(Stage Stage, Action<ScriptedBoardPort> Apply, Action<ScriptedBoardPort> Remove, int MaxCycles = 10);

    private static readonly Dictionary<string, Scenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["IL-BUS-SENSOR"] = new(Stage.Standby, p => p.SensorReadFails = true, p => p.SensorReadFails = false),
        ["IL-BUS-ACTUATOR"] = new(Stage.Standby, p => p.ActuatorReadFails = true, p => p.ActuatorReadFails = false),
        ["IL-SAMPLE-STALE"] = new(Stage.Standby, p => p.FreezeSampleCounter = true, p => p.FreezeSampleCounter = false),
        // Only the board's latch reset clears the latch; the operator reset writes it.
        ["IL-BOARD-SAFE-LATCH"] = new(Stage.Standby, p => p.SafeLatched = true, _ => { }),
        ["IL-BOARD-LIMITER"] = new(Stage.Standby,
            p => (p.LimiterTemperature, p.LimiterTripped) = (Temperature.FromDegreesCelsius(46.2), true),
            p => p.LimiterTemperature = Temperature.FromDegreesCelsius(40.0)),
        ["IL-HEATER-RUNAWAY"] = new(Stage.Standby, p => p.HeaterPowerActualPermille = 400, p => p.HeaterPowerActualPermille = null),
        // Heating starts from the applied power in 5 ‰ steps, so a board reporting full power is far above the command.
        ["IL-HEATER-POWER-MISMATCH"] = new(Stage.Heating, p => p.HeaterPowerActualPermille = 1000, p => p.HeaterPowerActualPermille = null),
        ["IL-PUMP-MOTOR-FAULT"] = new(Stage.Standby, p => p.PumpMotorFault = true, p => p.PumpMotorFault = false),
        ["IL-INFLOW-HIGH"] = new(Stage.Standby, Set(f => f with { InflowB = C(45.3) }), Healthy),
        ["IL-ABDOMEN-HIGH"] = new(Stage.Standby, Set(f => f with { Abdomen2 = C(43.7) }), Healthy),
        ["IL-CORE-HIGH"] = new(Stage.Standby, Set(f => f with { Core = C(40.2) }), Healthy),
        ["IL-CORE-WARNING"] = new(Stage.Standby, Set(f => f with { Core = C(39.7) }), Healthy),
        // Chemo reached with the abdomen at 41.2 °C (armed); 0.25 K steps stay inside the validator's rate limit.
        ["IL-ABDOMEN-BELOW-BAND"] = new(Stage.ChemoPerfusion, Abdomen(40.95), Abdomen(41.2), MaxCycles: 620),
        ["IL-INFLOW-PROBES-LOST"] = new(Stage.Priming, Flag(SensorChannel.InflowA, SensorChannel.InflowB), Healthy),
        ["IL-INFLOW-PROBE-FAULT"] = new(Stage.Priming, Flag(SensorChannel.InflowA), Healthy),
        ["IL-INFLOW-DISAGREE"] = new(Stage.Priming, Set(f => f with { InflowB = C(37.5) }), Healthy, MaxCycles: 40),
        ["IL-ABDOMEN-PROBES-LOST"] = new(Stage.Priming, Flag(SensorChannel.Abdomen1, SensorChannel.Abdomen2), Healthy),
        ["IL-ABDOMEN-PROBE-FAULT"] = new(Stage.Priming, Flag(SensorChannel.Abdomen3), Healthy),
        ["IL-CORE-PROBE-FAULT"] = new(Stage.Priming, Flag(SensorChannel.Core), Healthy),
        ["IL-OCCLUSION"] = new(Stage.Standby, Set(f => f with { InflowPressure = Pressure.FromMillimetersOfMercury(340) }), Healthy),
        ["IL-PRESSURE-SENSOR-FAULT"] = new(Stage.Priming, Flag(SensorChannel.InflowPressure), Healthy),
        ["IL-AIR"] = new(Stage.Heating, Set(f => f with { AirDetected = true }), Healthy),
        ["IL-AIR-SENSOR-FAULT"] = new(Stage.Heating, Flag(SensorChannel.AirDetected), Healthy),
        ["IL-RESERVOIR-CRITICAL"] = new(Stage.Priming, Set(f => f with { ReservoirVolume = Volume.FromMilliliters(250) }), Healthy),
        ["IL-RESERVOIR-LOW"] = new(Stage.Priming, Set(f => f with { ReservoirVolume = Volume.FromMilliliters(550) }), Healthy),
        ["IL-RESERVOIR-DROP"] = new(Stage.Heating, Set(f => f with { ReservoirVolume = Volume.FromMilliliters(1650) }), Healthy),
        ["IL-RESERVOIR-SENSOR-FAULT"] = new(Stage.Priming, Flag(SensorChannel.ReservoirVolume), Healthy),
        // Below half the target flow priming never completes, so the rule can arm (10 s) and persist (10 s) in Priming.
        ["IL-FLOW-DEVIATION"] = new(Stage.Priming, Set(f => f with { Flow = VolumetricFlow.FromMillilitersPerMinute(700) }), Healthy, MaxCycles: 230),
        ["IL-FLOW-SENSOR-FAULT"] = new(Stage.Priming, Flag(SensorChannel.Flow), Healthy),
    };

    public static TheoryData<string> StandardRules =>
        [.. InterlockRuleSet.Standard(TreatmentProfile.Default.Limits).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(StandardRules))]
    [Verifies("SRS-RT-003")]
    public void Every_standard_rule_trips_and_clears_through_the_running_controller(string ruleId)
    {
        var rule = Assert.Single(InterlockRuleSet.Standard(TreatmentProfile.Default.Limits), r => r.Id == ruleId);
        Assert.True(Scenarios.TryGetValue(ruleId, out var scenario), $"no scenario drives {ruleId} yet; add one");
        using var run = new LockstepRun();
        Reach(run, scenario.Stage);

        scenario.Apply(run.Port);
        var tripped = run.StepUntil(r => r.ActiveTrips.Contains(ruleId), scenario.MaxCycles, $"{ruleId} trip");
        var trip = Assert.Single(run.Entries<InterlockEntry>(), e => e.Kind == HazardLogKind.InterlockTripped && e.RuleId == ruleId);
        Assert.Equal(rule.HazardId, trip.HazardId);
        if (rule.Response.HasFlag(InterlockResponse.HeaterOff))
        {
            Assert.False(tripped.Command.HeaterEnabled, $"{ruleId} tripped but the heater is commanded on");
        }

        if (rule.Response.HasFlag(InterlockResponse.EnterSafeState))
        {
            // The gate writes the safe command in the trip's own cycle; the control lane reads the trip in the next
            // cycle's verdict and latches SafeState there (SRS-GT-004).
            Assert.Equal(ActuatorCommand.Safe, tripped.Command);
            Assert.Equal(Phase.SafeState, run.Step()!.Phase);
        }

        scenario.Remove(run.Port);
        run.Steps(3);
        if (rule.Clear == ClearCondition.WhenConditionClears)
        {
            Assert.DoesNotContain(ruleId, run.Last!.ActiveTrips);
        }
        else
        {
            Assert.True(run.Last!.ActiveTrips.Contains(ruleId), $"{ruleId} is latched and must stay until the operator reset");
            var reply = run.Press(OperatorAction.Reset);
            Assert.True(reply.Accepted, $"reset of {ruleId} refused: {reply.RefusalReason}");
            run.StepUntil(r => !r.ActiveTrips.Contains(ruleId), 3, $"{ruleId} cleared after the operator reset");
        }

        var cleared = Assert.Single(run.Entries<InterlockEntry>(), e => e.Kind == HazardLogKind.InterlockCleared && e.RuleId == ruleId);
        var cause = rule.Clear == ClearCondition.WhenConditionClears ? ClearCause.ConditionCleared : ClearCause.OperatorReset;
        Assert.Contains(cause.ToString(), cleared.Response, StringComparison.Ordinal);
    }

    private static void Reach(LockstepRun run, Stage stage)
    {
        switch (stage)
        {
            case Stage.Standby:
                run.ToStandby();
                break;
            case Stage.Priming:
                run.ToPriming();
                break;
            case Stage.Heating:
                run.ToHeating();
                break;
            case Stage.ChemoPerfusion:
                run.ToHeating();
                CrashRecoveryTests.WarmTheAbdomen(run);
                run.StepUntil(r => r.Phase == Phase.ReadyForChemo, 20, "ReadyForChemo");
                run.ConfirmLeakCheck();
                run.Accept(OperatorAction.AddDrug);
                run.StepUntil(r => r.Phase == Phase.ChemoPerfusion, 5, "ChemoPerfusion");
                for (var c = 41.0; c <= 41.2 + 1e-9; c += 0.1)
                {
                    Abdomen(c)(run.Port);
                    run.Step();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "no way to reach this stage");
        }
    }

    private static Temperature C(double celsius) => Temperature.FromDegreesCelsius(celsius);

    private static Action<ScriptedBoardPort> Abdomen(double celsius) =>
        p => p.Frame = p.Frame with { Abdomen1 = C(celsius), Abdomen2 = C(celsius), Abdomen3 = C(celsius), Abdomen4 = C(celsius) };

    private static Action<ScriptedBoardPort> Set(Func<SensorFrame, SensorFrame> change) => p => p.Frame = change(ScriptedBoardPort.HealthyFrame);

    private static Action<ScriptedBoardPort> Flag(params SensorChannel[] channels) =>
        Set(f => f with { ChannelFaultBits = (ushort)channels.Aggregate(0, (bits, c) => bits | (1 << (int)c)) });

    private static void Healthy(ScriptedBoardPort port) => port.Frame = ScriptedBoardPort.HealthyFrame;
}

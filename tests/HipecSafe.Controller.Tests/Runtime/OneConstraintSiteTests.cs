using HipecSafe.Core.Actuators;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// SRS-GT-013 and SRS-RT-003, behaviourally: the gate is the one place a constraint is applied between the bytes read
/// and the bytes written. A decorator in front of the gate turns every desired command into one the gate's rules
/// forbid; the scripted board records every write and every latch reset, and none of them may break a gate rule —
/// through the self-test, an operator start, a safe-state trip and an operator reset.
/// </summary>
public sealed class OneConstraintSiteTests
{
    public static TheoryData<string> Forbidden => ["heater on, pump stopped", "pump on, clamp closed", "full heat, pump and clamp open"];

    private static ActuatorCommand Tamper(string how, ActuatorCommand _) => how switch
    {
        "heater on, pump stopped" => new ActuatorCommand(1000, 0, ClampOpen: true, HeaterEnabled: true),
        "pump on, clamp closed" => new ActuatorCommand(0, 60, ClampOpen: false, HeaterEnabled: false),
        "full heat, pump and clamp open" => new ActuatorCommand(1000, 60, ClampOpen: true, HeaterEnabled: true),
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, "unknown forbidden command"),
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    [Verifies("SRS-GT-013", "SRS-RT-003", "SRS-GT-004", "SRS-GT-005", "SRS-GT-010", "SRS-GT-011", "SRS-GT-012")]
    public void A_command_the_gate_forbids_never_reaches_the_board_in_any_cycle(string how)
    {
        using var run = new LockstepRun(decorator: new DesiredTampering(c => Tamper(how, c), alwaysRequestRelease: true));
        run.StepUntil(r => r.Phase != Phase.PowerOnSelfTest, 60, "the self-test's verdict");
        run.Press(OperatorAction.StartPriming);
        run.Steps(10);
        // A safe-state trip, held for a while, then cleared and reset by the operator.
        run.Port.Frame = ScriptedBoardPort.HealthyFrame with { InflowA = Temperature.FromDegreesCelsius(45.4) };
        run.Steps(5);
        run.Port.Frame = ScriptedBoardPort.HealthyFrame;
        run.Steps(3);
        run.Press(OperatorAction.Reset);
        run.Steps(10);

        Assert.True(run.Port.Writes.Count >= run.Reports.Count, "a cycle went without its write");
        Assert.All(run.Port.Writes, w =>
        {
            var c = w.Command;
            Assert.False(!c.ClampOpen && c.PumpSpeedRpm > 0, $"cycle {w.Cycle}: pump running against a closed clamp ({c})");
            Assert.False(c.PumpSpeedRpm <= 0 && (c.HeaterEnabled || c.HeaterPowerPermille > 0), $"cycle {w.Cycle}: heater on with the pump stopped ({c})");
            var report = run.Reports[(int)w.Cycle];
            if (report is not null && (report.Phase is Phase.SafeState or Phase.EmergencyStop || report.ActiveTrips.Contains("IL-INFLOW-HIGH")))
            {
                Assert.Equal(ActuatorCommand.Safe, c);
            }
        });
        // The latch release was asked for in every cycle; it went out only with the heater disabled.
        Assert.All(run.Port.LatchResetsSent, r => Assert.False(r.Command.HeaterEnabled, $"cycle {r.Cycle}: latch reset with the heater enabled ({r.Command})"));
        Assert.Contains(run.Reports, r => r!.ActiveTrips.Contains("IL-INFLOW-HIGH"));
    }
}

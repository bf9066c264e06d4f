using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Interlocks.InterlockRig;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// SRS-GT-013: the gate judges the readout itself. Of what the control lane says only the desired command, its context
/// and its two requests count; a control lane that asks for heat, or claims a harmless phase, does not get past the
/// rules that apply in every phase, and what it reports of itself changes nothing.
/// </summary>
public class GateIndependenceTests
{
    private static readonly ActuatorCommand FullHeat = new(ActuatorCommand.MaxHeaterPermille, 50, ClampOpen: true, HeaterEnabled: true);

    [Theory]
    [InlineData(Phase.ChemoPerfusion)]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Standby)]
    [InlineData(Phase.Paused)]
    [InlineData(Phase.Complete)]
    [Verifies("SRS-GT-013", "SRS-GT-004")]
    public void Full_heat_asked_over_an_over_temperature_reading_gets_the_safe_command_whatever_phase_the_context_claims(Phase claimed)
    {
        var rig = new GateRig(f => f with { InflowA = T(44.99), InflowB = T(44.99) });
        rig.Context = rig.Context with { Phase = claimed };
        rig.Frame = rig.Frame with { InflowA = T(45.0) };

        var verdict = rig.Decide(FullHeat).Verdict;

        Assert.Equal(ActuatorCommand.Safe, verdict.Command);
        Assert.True(rig.IsActive("IL-INFLOW-HIGH"));
    }

    [Theory]
    [InlineData(Phase.PowerOnSelfTest)]
    [InlineData(Phase.Standby)]
    [Verifies("SRS-GT-013")]
    public void An_occlusion_stops_the_pump_whatever_phase_the_context_claims(Phase claimed)
    {
        var rig = new GateRig(f => f with { InflowPressure = Pressure.FromMillimetersOfMercury(301) });
        rig.Context = rig.Context with { Phase = claimed };

        var verdict = rig.Run(TimeSpan.FromMilliseconds(500), FullHeat).Verdict;

        Assert.True(rig.IsActive("IL-OCCLUSION"));
        Assert.Equal(0, verdict.Command.PumpSpeedRpm);
        Assert.False(verdict.Command.HeaterEnabled);
    }

    [Fact]
    [Verifies("SRS-GT-013")]
    public void What_the_control_lane_reports_of_itself_does_not_change_the_verdict()
    {
        var rig = new GateRig(f => f with { InflowA = T(44.99), InflowB = T(44.99) });
        rig.Frame = rig.Frame with { InflowA = T(45.0) };
        var input = new GateInput(rig.Cycle + 1, rig.Now + Cycle, rig.Readout(), HealthStatus.AllAnswered, rig.Desired(FullHeat), []);
        var reports = new[]
        {
            ProcedureReport.PowerOn,
            new ProcedureReport(Phase.Complete, TimeSpan.FromMinutes(90), [], 37.0, []),
            new ProcedureReport(Phase.ChemoPerfusion, TimeSpan.Zero, ["nothing wrong"], 44.0,
                [new AlarmCondition("ALL-CLEAR", AlarmPriority.Low, null, "all clear", "", "")]),
        };

        var outcomes = reports.Select(r => rig.Gate.Decide(rig.State, input with { Desired = input.Desired! with { Report = r } })).ToList();

        Assert.All(outcomes, o => Assert.Equal(ActuatorCommand.Safe, o.Verdict.Command));
        Assert.All(outcomes, o => Assert.True(DecisionComparison.SameGate(outcomes[0], o), "a report changed the gate's outcome"));
    }
}

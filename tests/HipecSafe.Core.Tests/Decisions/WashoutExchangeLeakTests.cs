using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.TestSupport;

using static HipecSafe.Core.Tests.Decisions.ScriptedCycles;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Both lanes together (<see cref="CycleCore"/>) through the washout's saline exchange: IL-RESERVOIR-DROP stays armed.
/// While the exchange is unconfirmed its baseline is the kept circuit-volume baseline (the nominal frame's 1500 mL) less
/// the 400 mL planned drawdown, so the planned dip does not trip it and a loss beyond it does (SRS-IL-023); the
/// confirmation is checked against the reservoir (SRS-PH-023) and takes the new baseline.
/// </summary>
public class WashoutExchangeLeakTests
{
    private static bool Dropped(CycleResult r) => r.Gate.Verdict.ActiveTrips.Any(t => t.RuleId == "IL-RESERVOIR-DROP");

    private static OperatorReply Confirm(ScriptedCycles cycles) =>
        Assert.Single(cycles.Step(Plain(commands: OperatorAction.ConfirmWashoutExchange)).Procedure.Replies);

    /// <summary>Self-test, priming, heating, leak check, drug, then chemo ended early: Washout, exchange not begun.</summary>
    private static ScriptedCycles InWashout()
    {
        var cycles = new ScriptedCycles(ScriptedCycles.NewCore());
        cycles.RunFor(TimeSpan.FromSeconds(2));
        cycles.Step(Plain(commands: OperatorAction.StartPriming));
        cycles.PassPrimingAir();
        cycles.RunFor(TimeSpan.FromSeconds(45));
        cycles.RunFor(TimeSpan.FromSeconds(70)); // the reservoir has held steady at target flow for the leak check
        cycles.Step(Plain(commands: [OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug]));
        cycles.Step(Plain(commands: OperatorAction.EndChemoEarly));
        Assert.Equal(Phase.Washout, cycles.State.Procedure.Phase.Current);
        return cycles;
    }

    [Fact]
    [Verifies("SRS-IL-023", "SRS-PH-023")]
    public void The_planned_dip_does_not_trip_the_confirmed_exchange_takes_the_new_baseline_and_a_later_loss_trips()
    {
        var cycles = InWashout();
        Assert.Equal(1100, cycles.State.Procedure.Context.CircuitVolumeBaseline!.Value.Milliliters, 6);

        // Perfusate drained ahead of the saline: 350 mL below the baseline, more than the 300 mL limit on its own.
        cycles.Step(Plain(BoardKick.Reservoir, 1150));
        Assert.False(Dropped(cycles.RunFor(TimeSpan.FromSeconds(60))));
        cycles.Step(Plain(BoardKick.Reservoir, 1490)); // the saline is in
        Assert.False(Dropped(cycles.RunFor(TimeSpan.FromSeconds(5))));

        Assert.True(Confirm(cycles).Accepted);
        cycles.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1490, cycles.State.Procedure.Context.CircuitVolumeBaseline!.Value.Milliliters, 6);

        // After the exchange the full limit applies again, from the refilled level.
        Assert.False(Dropped(cycles.Step(Plain(BoardKick.Reservoir, 1190))));
        Assert.True(Dropped(cycles.Step(Plain(BoardKick.Reservoir, 1189))));
    }

    [Fact]
    [Verifies("SRS-IL-023")]
    public void A_loss_beyond_the_planned_drawdown_trips_during_the_exchange()
    {
        var cycles = InWashout();

        Assert.False(Dropped(cycles.Step(Plain(BoardKick.Reservoir, 800)))); // 700 mL: the drawdown and the limit
        var tripped = cycles.Step(Plain(BoardKick.Reservoir, 799));

        Assert.True(Dropped(tripped));
        var trip = tripped.Gate.Verdict.ActiveTrips.Single(t => t.RuleId == "IL-RESERVOIR-DROP");
        Assert.Equal("reservoir loss since the circuit-volume baseline 301 mL > 300 mL (1100 mL baseline, 799 mL now)", trip.Measured.ToString());
        Assert.Equal(0, tripped.Gate.Verdict.Command.PumpSpeedRpm);
        Assert.False(tripped.Gate.Verdict.Command.ClampOpen);
    }

    [Fact]
    [Verifies("SRS-PH-023")]
    public void A_confirmation_without_the_reservoir_having_dipped_or_before_it_is_back_is_refused()
    {
        var cycles = InWashout();
        cycles.RunFor(TimeSpan.FromSeconds(5));

        var nothingDrained = Confirm(cycles);
        Assert.False(nothingDrained.Accepted);
        Assert.Contains("no exchange seen", nothingDrained.RefusalReason, StringComparison.Ordinal);

        cycles.Step(Plain(BoardKick.Reservoir, 1200));
        cycles.RunFor(TimeSpan.FromSeconds(5));
        var stillLow = Confirm(cycles);
        Assert.False(stillLow.Accepted);
        Assert.Contains("the reservoir holds 1200 mL, 300 mL below the circuit-volume baseline 1500 mL", stillLow.RefusalReason, StringComparison.Ordinal);
        Assert.False(cycles.State.Procedure.Phase.WashoutExchangeConfirmed);
    }
}

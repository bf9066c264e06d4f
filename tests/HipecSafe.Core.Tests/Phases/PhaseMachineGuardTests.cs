using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Phases.PhaseMachineFixture;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>Guards: each refuses just outside its condition, names what is unmet, and accepts at the boundary.</summary>
public class PhaseMachineGuardTests
{
    [Fact]
    [Verifies("SRS-PH-005")]
    public void Heating_is_not_complete_until_every_probe_reads_above_40_0_plus_the_probe_accuracy()
    {
        var m = At(Phase.Heating);

        // Clinical figures: the fluid must exceed 40.0 °C; probes read within ±0.1 °C. A reading of exactly 40.1 °C is not enough.
        var cold = m.Fire(PhaseTrigger.TargetTemperatureReached, T(1), Probes(40.5, 40.1, 40.2, 40.0));
        Assert.False(cold.Accepted);
        Assert.Contains("abdominal probe 2 at 40.10 °C is not above 40.10 °C (drug-addition minimum 40.00 °C + 0.10 K probe accuracy)",
            cold.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("abdominal probe 4 at 40.00 °C is not above 40.10 °C", cold.RefusalReason, StringComparison.Ordinal);
        Assert.DoesNotContain("probe 1", cold.RefusalReason, StringComparison.Ordinal);

        Assert.True(m.Fire(PhaseTrigger.TargetTemperatureReached, T(2), Probes(40.11, 40.11, 40.11, 40.11)).Accepted);
        Assert.Equal(Phase.ReadyForChemo, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-007")]
    public void Drug_addition_needs_every_probe_above_40_0_plus_the_probe_accuracy_and_says_so()
    {
        var m = At(Phase.ReadyForChemo);
        m.Fire(PhaseTrigger.ConfirmLeakCheck, T(0), AllGood);

        var atMargin = m.Fire(PhaseTrigger.AddDrug, T(1), Probes(41.0, 41.0, 40.1, 41.0));
        Assert.False(atMargin.Accepted);
        Assert.Contains("abdominal probe 3 at 40.10 °C is not above 40.10 °C (drug-addition minimum 40.00 °C + 0.10 K probe accuracy)",
            atMargin.RefusalReason, StringComparison.Ordinal);

        Assert.True(m.Fire(PhaseTrigger.AddDrug, T(2), Probes(41.0, 41.0, 40.11, 41.0)).Accepted);
        Assert.Equal(Phase.ChemoPerfusion, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-005", "SRS-PH-007")]
    public void An_invalid_or_missing_probe_blocks_drug_addition()
    {
        var m = At(Phase.ReadyForChemo);
        m.Fire(PhaseTrigger.ConfirmLeakCheck, T(0), AllGood);
        var invalid = new PhaseInputs([Temperature.FromDegreesCelsius(41), null, Temperature.FromDegreesCelsius(41), Temperature.FromDegreesCelsius(41)], Duration.Zero, []);

        var refused = m.Fire(PhaseTrigger.AddDrug, T(1), invalid);
        Assert.False(refused.Accepted);
        Assert.Contains("abdominal probe 2 is invalid", refused.RefusalReason, StringComparison.Ordinal);

        var tooFew = m.Fire(PhaseTrigger.AddDrug, T(1), Probes(41, 41, 41));
        Assert.Contains("only 3 of 4", tooFew.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(Phase.ReadyForChemo, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-006", "SRS-PH-007")]
    public void Drug_addition_needs_the_leak_check_and_names_every_unmet_condition()
    {
        var m = At(Phase.ReadyForChemo);

        var both = m.Fire(PhaseTrigger.AddDrug, T(1), Probes(39.5, 41, 41, 41));
        Assert.False(both.Accepted);
        Assert.Contains("probe 1 at 39.50 °C is not above", both.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("leak check", both.RefusalReason, StringComparison.Ordinal);

        var confirm = m.Fire(PhaseTrigger.ConfirmLeakCheck, T(2), AllGood);
        Assert.True(confirm.Accepted);
        Assert.True(confirm.Transition!.IsInternal);
        Assert.Equal(PhaseRequirements.LeakCheckConfirmation, confirm.Transition.RequirementId);
        Assert.True(m.LeakCheckConfirmed);

        Assert.True(m.Fire(PhaseTrigger.AddDrug, T(3), AllGood).Accepted);
        Assert.Equal(Phase.ChemoPerfusion, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-006", "SRS-PH-018")]
    public void The_leak_check_needs_the_reservoir_steady_for_the_profiles_60_s_and_a_refusal_says_what_was_measured()
    {
        var m = At(Phase.ReadyForChemo);
        Volume Ml(double ml) => Volume.FromMilliliters(ml);

        var none = m.Fire(PhaseTrigger.ConfirmLeakCheck, T(1), AllGood with { LeakCheck = new(null, Ml(1400), Duration.Zero, "pump stopped: the board holds pump speed 0.0 rpm") });
        Assert.False(none.Accepted);
        Assert.Equal("ConfirmLeakCheck refused in phase ReadyForChemo: no leak check under way: pump stopped: the board holds pump speed 0.0 rpm", none.RefusalReason);

        var restarted = new ReservoirSteadiness(Ml(1340), Ml(1352), Duration.FromMilliseconds(59_900), "the reservoir moved -60 mL from 1400 mL");
        var tooShort = m.Fire(PhaseTrigger.ConfirmLeakCheck, T(2), AllGood with { LeakCheck = restarted });
        Assert.False(tooShort.Accepted);
        Assert.Equal("ConfirmLeakCheck refused in phase ReadyForChemo: the reservoir has held within ±50 mL of 1340 mL for 59s900ms of the 1m "
            + "required at target flow (1352 mL now; the check began again when the reservoir moved -60 mL from 1400 mL)", tooShort.RefusalReason);
        Assert.False(m.LeakCheckConfirmed);

        Assert.True(m.Fire(PhaseTrigger.ConfirmLeakCheck, T(3), AllGood with { LeakCheck = restarted with { SteadyFor = Duration.FromSeconds(60) } }).Accepted);
        Assert.True(m.LeakCheckConfirmed);
    }

    [Fact]
    [Verifies("SRS-PH-006")]
    public void Leak_check_confirmation_is_void_after_leaving_ready_for_chemo()
    {
        var m = At(Phase.ReadyForChemo);
        m.Fire(PhaseTrigger.ConfirmLeakCheck, T(1), AllGood);
        m.Fire(PhaseTrigger.Pause, T(2), AllGood);
        m.Fire(PhaseTrigger.Resume, T(3), AllGood);

        Assert.Equal(Phase.ReadyForChemo, m.Current);
        Assert.False(m.LeakCheckConfirmed);
        Assert.False(m.Fire(PhaseTrigger.AddDrug, T(4), AllGood).Accepted);
    }

    [Fact]
    [Verifies("SRS-PH-004")]
    public void Priming_needs_air_free_circulation_for_the_priming_time()
    {
        var m = At(Phase.Priming);
        var almost = AllGood with { CircuitPrimedFor = DefaultProfile.PrimingMinimum - Duration.FromMilliseconds(100) };

        var refused = m.Fire(PhaseTrigger.PrimingComplete, T(1), almost);
        Assert.False(refused.Accepted);
        Assert.Contains("air-free for 29s900ms, needs 30s", refused.RefusalReason, StringComparison.Ordinal);

        Assert.True(m.Fire(PhaseTrigger.PrimingComplete, T(1), AllGood with { CircuitPrimedFor = DefaultProfile.PrimingMinimum }).Accepted);
    }

    [Fact]
    [Verifies("SRS-PH-025")]
    public void Priming_does_not_end_while_the_air_detector_has_failed_its_check_and_says_why()
    {
        var m = At(Phase.Priming);
        var untested = AllGood with { CircuitPrimedFor = DefaultProfile.PrimingMinimum + Duration.FromMinutes(5), AirDetectorUntested = true };

        var refused = m.Fire(PhaseTrigger.PrimingComplete, T(1), untested);

        Assert.False(refused.Accepted);
        Assert.Equal(Phase.Priming, m.Current);
        Assert.Contains("IL-AIR-DETECTOR-UNTESTED", refused.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("primed from dry", refused.RefusalReason, StringComparison.Ordinal);
        Assert.DoesNotContain("air-free for", refused.RefusalReason, StringComparison.Ordinal);

        var both = m.Fire(PhaseTrigger.PrimingComplete, T(2), untested with { CircuitPrimedFor = Duration.FromSeconds(5) });
        Assert.Contains("air-free for 5s, needs 30s", both.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("IL-AIR-DETECTOR-UNTESTED", both.RefusalReason, StringComparison.Ordinal);

        Assert.True(m.Fire(PhaseTrigger.PrimingComplete, T(3), untested with { AirDetectorUntested = false }).Accepted);
        Assert.Equal(Phase.Heating, m.Current);
    }

    [Fact]
    [Verifies("SRS-PH-026")]
    public void Priming_does_not_end_before_the_air_detector_has_reported_the_priming_air_and_says_why()
    {
        var m = At(Phase.Priming);
        var unseen = AllGood with { CircuitPrimedFor = DefaultProfile.PrimingMinimum + Duration.FromMinutes(5), PrimingAirSeen = false };

        var refused = m.Fire(PhaseTrigger.PrimingComplete, T(1), unseen);

        Assert.False(refused.Accepted);
        Assert.Equal(Phase.Priming, m.Current);
        Assert.Contains("the air detector has not yet reported the priming air (SRS-PH-026)", refused.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("check the detector and the set", refused.RefusalReason, StringComparison.Ordinal);
        Assert.DoesNotContain("air-free for", refused.RefusalReason, StringComparison.Ordinal);

        var both = m.Fire(PhaseTrigger.PrimingComplete, T(2), unseen with { CircuitPrimedFor = Duration.FromSeconds(5) });
        Assert.Contains("air-free for 5s, needs 30s", both.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("SRS-PH-026", both.RefusalReason, StringComparison.Ordinal);

        Assert.True(m.Fire(PhaseTrigger.PrimingComplete, T(3), unseen with { PrimingAirSeen = true }).Accepted);
        Assert.Equal(Phase.Heating, m.Current);
    }

    [Theory]
    [InlineData(Phase.Washout, PhaseTrigger.WashoutComplete, 10)]
    [InlineData(Phase.Draining, PhaseTrigger.DrainComplete, 5)]
    [InlineData(Phase.ChemoPerfusion, PhaseTrigger.ChemoTimeElapsed, 90)]
    [Verifies("SRS-PH-008", "SRS-PH-010", "SRS-PH-011")]
    public void Timed_phases_end_exactly_at_their_profile_duration(Phase phase, PhaseTrigger trigger, double minutes)
    {
        var m = At(phase);
        if (phase == Phase.Washout)
        {
            m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(0), AllGood); // washout time counts from the confirmed exchange
        }

        var early = m.Fire(trigger, T(minutes) - TimeSpan.FromSeconds(1), AllGood);
        Assert.False(early.Accepted);
        Assert.Contains("has not reached", early.RefusalReason, StringComparison.Ordinal);

        Assert.True(m.Fire(trigger, T(minutes), AllGood).Accepted);
    }

    [Fact]
    [Verifies("SRS-PH-008", "SRS-PH-012", "SRS-PH-013")]
    public void Chemo_time_is_kept_across_a_pause()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Tick(T(30));
        m.Fire(PhaseTrigger.Pause, T(30), AllGood);
        m.Tick(T(50)); // 20 min paused do not count
        m.Fire(PhaseTrigger.Resume, T(50), AllGood);

        Assert.Equal(30, m.ChemoElapsed.Minutes, 6);
        Assert.False(m.Fire(PhaseTrigger.ChemoTimeElapsed, T(109.9), AllGood).Accepted);
        Assert.Equal(0.1, m.ChemoRemaining.Minutes, 6);
        Assert.True(m.Fire(PhaseTrigger.ChemoTimeElapsed, T(110), AllGood).Accepted);
    }

    [Fact]
    [Verifies("SRS-PH-008", "SRS-PH-014", "SRS-PH-015")]
    public void Chemo_time_is_kept_across_a_safe_state_episode()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Fault(T(45), "IL-AIR: air detected");
        m.Tick(T(60));
        Assert.True(m.Fire(PhaseTrigger.OperatorReset, T(60), AllGood).Accepted);
        Assert.Equal(Phase.Paused, m.Current);
        Assert.True(m.Fire(PhaseTrigger.Resume, T(61), AllGood).Accepted);

        Assert.Equal(Phase.ChemoPerfusion, m.Current);
        Assert.Equal(45, m.ChemoElapsed.Minutes, 6);
    }

    [Fact]
    [Verifies("SRS-PH-008")]
    public void Chemo_clock_restarts_for_a_new_chemo_phase_entered_forward()
    {
        var m = At(Phase.ReadyForChemo);
        m.Tick(T(10));
        m.Fire(PhaseTrigger.ConfirmLeakCheck, T(10), AllGood);
        m.Fire(PhaseTrigger.AddDrug, T(10), AllGood);
        m.Tick(T(11));

        Assert.Equal(1, m.ChemoElapsed.Minutes, 6);
    }

    [Fact]
    [Verifies("SRS-PH-008")]
    public void Time_going_backwards_is_not_counted()
    {
        var m = At(Phase.ChemoPerfusion);
        m.Tick(T(10));
        m.Tick(T(5));
        m.Tick(T(11));

        Assert.Equal(11, m.ChemoElapsed.Minutes, 6);
    }

    [Fact]
    [Verifies("SRS-PH-023", "SRS-PH-010", "SRS-PH-018")]
    public void The_saline_exchange_is_confirmed_once_with_the_circuit_refilled_and_washout_time_counts_from_then()
    {
        var m = At(Phase.Washout);
        Volume Ml(double ml) => Volume.FromMilliliters(ml);
        m.Tick(T(6)); // six minutes of exchanging: no washout time
        Assert.Equal(0, m.ElapsedIn(Phase.Washout).Minutes, 6);
        var early = m.Fire(PhaseTrigger.WashoutComplete, T(6), AllGood);
        Assert.Equal("WashoutComplete refused in phase Washout: the saline exchange has not been confirmed (ConfirmWashoutExchange)", early.RefusalReason);

        var shortOfFluid = m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(6), AllGood with { Reservoir = Ml(1349) });
        Assert.Equal("ConfirmWashoutExchange refused in phase Washout: the reservoir holds 1349 mL, 51 mL below the circuit-volume baseline "
            + "1400 mL (±50 mL allowed): the circuit is not refilled", shortOfFluid.RefusalReason);
        var overfilled = m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(6), AllGood with { Reservoir = Ml(1451) });
        Assert.Contains("51 mL above the circuit-volume baseline", overfilled.RefusalReason, StringComparison.Ordinal);
        var blind = m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(6), AllGood with { Reservoir = null });
        Assert.Contains("the reservoir reading is not valid", blind.RefusalReason, StringComparison.Ordinal);

        var confirmed = m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(6), AllGood with { Reservoir = Ml(1350) });
        Assert.True(confirmed.Accepted);
        Assert.Equal(new PhaseTransition(T(6), Phase.Washout, Phase.Washout, PhaseTrigger.ConfirmWashoutExchange, "SRS-PH-023", null), confirmed.Transition);
        Assert.True(m.State.WashoutExchangeConfirmed);
        Assert.Contains("already confirmed", m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(7), AllGood).RefusalReason, StringComparison.Ordinal);

        Assert.False(m.Fire(PhaseTrigger.WashoutComplete, T(15.9), AllGood).Accepted);
        Assert.True(m.Fire(PhaseTrigger.WashoutComplete, T(16), AllGood).Accepted);
    }

    [Fact]
    [Verifies("SRS-PH-023")]
    public void A_pause_keeps_the_confirmed_exchange_and_a_new_washout_needs_its_own()
    {
        var m = At(Phase.Washout);
        m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(1), AllGood);
        m.Fire(PhaseTrigger.Pause, T(2), AllGood);
        m.Fire(PhaseTrigger.Resume, T(3), AllGood);
        Assert.True(m.State.WashoutExchangeConfirmed);
        m.Tick(T(4));
        Assert.Equal(2, m.ElapsedIn(Phase.Washout).Minutes, 6); // 1 → 2 and 3 → 4 counted, the pause not

        var chemo = At(Phase.ChemoPerfusion);
        chemo.Fire(PhaseTrigger.EndChemoEarly, T(1), AllGood);
        Assert.Equal(Phase.Washout, chemo.Current);
        Assert.False(chemo.State.WashoutExchangeConfirmed);
    }

    [Fact]
    [Verifies("SRS-PH-023")]
    public void Without_a_circuit_volume_baseline_the_exchange_cannot_be_confirmed()
    {
        var m = At(Phase.Washout);

        var refused = m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(1), AllGood with { CircuitVolumeBaseline = null });

        Assert.Contains("no circuit-volume baseline to check the exchange against", refused.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    [Verifies("SRS-PH-023")]
    public void A_confirmation_the_reservoir_does_not_show_is_refused_an_exchange_that_dipped_200_mL_is_accepted()
    {
        var m = At(Phase.Washout);
        Volume Ml(double ml) => Volume.FromMilliliters(ml);

        // The reservoir never moved: nothing was drained, whatever the operator says.
        var untouched = m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(1), AllGood with { ExchangeLowest = Ml(1400) });
        Assert.Equal("ConfirmWashoutExchange refused in phase Washout: the reservoir has fallen at most 0 mL below the circuit-volume baseline "
            + "1400 mL since Washout began, less than the 200 mL that shows perfusate drained: no exchange seen", untouched.RefusalReason);
        Assert.Contains("at most 0 mL", m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(1), AllGood with { ExchangeLowest = null }).RefusalReason,
            StringComparison.Ordinal);
        Assert.Contains("at most 199 mL", m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(1), AllGood with { ExchangeLowest = Ml(1201) }).RefusalReason,
            StringComparison.Ordinal);
        Assert.False(m.State.WashoutExchangeConfirmed);

        Assert.True(m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(1), AllGood with { ExchangeLowest = Ml(1200) }).Accepted);
    }
}

using HipecSafe.Core.Phases;
using HipecSafe.Core.Requirements;
using HipecSafe.TestSupport;
using static HipecSafe.Core.Tests.Phases.PhaseMachineFixture;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>Every transition in GetInfo() is taken once, and every trigger a phase does not accept is refused.</summary>
public class PhaseMachineTransitionTests
{
    private static IReadOnlyList<PhaseMachineTrace.Edge> AllEdges()
    {
        var m = new PhaseMachineRun(DefaultProfile);
        return PhaseMachineTrace.Edges(m.GetInfo(), m.RequirementFor);
    }

    public static TheoryData<Phase, PhaseTrigger> Edges()
    {
        var data = new TheoryData<Phase, PhaseTrigger>();
        foreach (var e in AllEdges())
        {
            data.Add(e.From, e.Trigger);
        }

        return data;
    }

    public static TheoryData<Phase, PhaseTrigger> NotAccepted()
    {
        var configured = AllEdges().Select(e => (e.From, e.Trigger)).ToHashSet();
        var data = new TheoryData<Phase, PhaseTrigger>();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            foreach (var trigger in Enum.GetValues<PhaseTrigger>().Where(t => !configured.Contains((phase, t))))
            {
                data.Add(phase, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    [Verifies("SRS-PH-001", "SRS-PH-002", "SRS-PH-003", "SRS-PH-009", "SRS-PH-012", "SRS-PH-014", "SRS-PH-016", "SRS-PH-017", "SRS-RS-003", "SRS-RS-004", "SRS-RS-005")]
    public void Every_transition_is_taken_with_its_requirement(Phase from, PhaseTrigger trigger)
    {
        var edge = AllEdges().Single(e => e.From == from && e.Trigger == trigger);
        var record = new List<PhaseTransition>();
        var m = At(from, record);
        if (from == Phase.Interrupted || trigger == PhaseTrigger.SelfTestPassedProcedureInterrupted)
        {
            m.HoldFor(Phase.ChemoPerfusion); // a restarted machine, as only a restart reaches these edges
        }

        if (trigger == PhaseTrigger.WashoutComplete)
        {
            m.Fire(PhaseTrigger.ConfirmWashoutExchange, TimeSpan.Zero, AllGood); // the washout clock runs from here
        }

        var late = T(200); // past every phase timer of the default profile
        m.Tick(late);
        if (trigger == PhaseTrigger.AddDrug)
        {
            m.Fire(PhaseTrigger.ConfirmLeakCheck, late, AllGood);
        }

        var result = m.Fire(trigger, late, AllGood, detail: "test");

        Assert.True(result.Accepted, result.RefusalReason);
        Assert.Contains(m.Current, edge.To);
        Assert.Equal(edge.RequirementId, result.Transition!.RequirementId);
        Assert.Equal(from, result.Transition.From);
        Assert.Equal(result.Transition, record[^1]);
    }

    [Theory]
    [MemberData(nameof(NotAccepted))]
    [Verifies("SRS-PH-018")]
    public void Trigger_not_accepted_in_a_phase_is_refused_with_a_reason(Phase phase, PhaseTrigger trigger)
    {
        var record = new List<PhaseTransition>();
        var m = At(phase, record);

        var result = m.Fire(trigger, T(1), AllGood);

        Assert.False(result.Accepted);
        Assert.Contains(trigger.ToString(), result.RefusalReason, StringComparison.Ordinal);
        Assert.Contains($"phase {phase}", result.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(phase, m.Current);
        Assert.Empty(record);
    }

    [Fact]
    [Verifies("SRS-PH-018")]
    public void The_machine_accepts_emergency_stop_everywhere_and_refuses_many_triggers()
    {
        // Guards the theory data above against silently shrinking to nothing.
        Assert.True(NotAccepted().Count > 100);
        // 42 in the base machine; + ConfirmWashoutExchange in Washout (SRS-PH-023); + PowerOnSelfTest → Interrupted, and
        // from Interrupted: ResumeInterrupted (one dynamic edge), EndChemoEarly, Fault, EmergencyStopPressed
        // (requirements/restart.yaml).
        Assert.Equal(48, AllEdges().Count);
    }

    [Theory]
    [InlineData(Phase.Priming)]
    [InlineData(Phase.Heating)]
    [InlineData(Phase.ReadyForChemo)]
    [InlineData(Phase.ChemoPerfusion)]
    [InlineData(Phase.Washout)]
    [InlineData(Phase.Draining)]
    [Verifies("SRS-PH-012", "SRS-PH-013")]
    public void Resume_returns_to_the_phase_that_was_paused(Phase phase)
    {
        var m = At(phase);
        Assert.True(m.Fire(PhaseTrigger.Pause, T(1), AllGood).Accepted);
        Assert.Equal(Phase.Paused, m.Current);

        var resumed = m.Fire(PhaseTrigger.Resume, T(2), AllGood);

        Assert.True(resumed.Accepted, resumed.RefusalReason);
        Assert.Equal(phase, m.Current);
        Assert.Equal(PhaseRequirements.Resume, resumed.Transition!.RequirementId);
    }

    [Fact]
    [Verifies("SRS-PH-001", "SRS-PH-003", "SRS-PH-004", "SRS-PH-005", "SRS-PH-007", "SRS-PH-008", "SRS-PH-010", "SRS-PH-011", "SRS-PH-023")]
    public void Nominal_procedure_runs_through_every_phase_by_advance_and_operator_commands()
    {
        var record = new List<PhaseTransition>();
        var m = new PhaseMachineRun(DefaultProfile, record.Add);
        Assert.True(m.Fire(PhaseTrigger.SelfTestPassed, T(0), AllGood).Accepted);
        Assert.True(m.Fire(PhaseTrigger.StartPriming, T(1), AllGood).Accepted);
        var cold = Probes(37, 37, 37, 37);
        for (var minute = 1.0; m.Current != Phase.Complete && minute < 300; minute += 0.5)
        {
            var inputs = minute < 20 ? cold : AllGood;
            m.Advance(T(minute), inputs);
            if (m.Current == Phase.ReadyForChemo)
            {
                m.Fire(PhaseTrigger.ConfirmLeakCheck, T(minute), inputs);
                m.Fire(PhaseTrigger.AddDrug, T(minute), inputs);
            }

            if (m.Current == Phase.Washout && !m.State.WashoutExchangeConfirmed)
            {
                m.Fire(PhaseTrigger.ConfirmWashoutExchange, T(minute), inputs);
            }
        }

        Assert.Equal(Phase.Complete, m.Current);
        Assert.Equal(
            [Phase.Standby, Phase.Priming, Phase.Heating, Phase.ReadyForChemo, Phase.ReadyForChemo, Phase.ChemoPerfusion,
             Phase.Washout, Phase.Washout, Phase.Draining, Phase.Complete],
            record.Select(t => t.To));
        Assert.All(record, t => Assert.Matches("^SRS-PH-0[0-9]{2}$", t.RequirementId));
        var chemoStart = record.Single(t => t.To == Phase.ChemoPerfusion).At;
        var chemoEnd = record.Single(t => t is { From: Phase.ChemoPerfusion, To: Phase.Washout }).At;
        Assert.Equal(T(90), chemoEnd - chemoStart);
    }
}

using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;
using Stateless.Reflection;

namespace HipecSafe.Core.Tests.Phases;

/// <summary>
/// A <see cref="PhaseMachine"/> with its state threaded through the calls, for tests that drive one machine step by
/// step: every call passes the current <see cref="PhaseState"/> to the pure machine and keeps the one it returns.
/// </summary>
internal sealed class PhaseMachineRun(TreatmentProfile profile, Action<PhaseTransition>? observer = null, Phase initial = Phase.PowerOnSelfTest)
{
    private readonly PhaseMachine _machine = new(profile, observer);

    public PhaseState State { get; private set; } = PhaseState.At(initial);

    public PhaseMachine Machine => _machine;

    public Phase Current => State.Current;

    public Phase ResumePhase => State.ResumePhase;

    public bool LeakCheckConfirmed => State.LeakCheckConfirmed;

    public IReadOnlyList<string> LatchedCauses => State.LatchedCauses.Select(c => c.ToString()).ToList();

    public Duration ChemoElapsed => State.ChemoElapsed;

    public Duration ChemoRemaining => _machine.ChemoRemaining(State);

    public Duration ElapsedIn(Phase phase) => State.ElapsedIn(phase);

    public StateMachineInfo GetInfo() => _machine.GetInfo();

    public string? RequirementFor(Phase from, PhaseTrigger trigger) => _machine.RequirementFor(from, trigger);

    public IEnumerable<PhaseTrigger> ConfiguredTriggers(Phase phase) => _machine.ConfiguredTriggers(phase);

    public void Tick(TimeSpan now) => State = _machine.Tick(State, now);

    /// <summary>Makes this a machine restarted in the middle of a procedure interrupted in <paramref name="interruptedIn"/>.</summary>
    public void HoldFor(Phase interruptedIn) => State = State with { InterruptedIn = interruptedIn, ResumePhase = interruptedIn };

    public void HoldClock(TimeSpan now, Phase? phase) => State = _machine.HoldClock(State, now, phase);

    public FireResult Fire(PhaseTrigger trigger, TimeSpan now, PhaseInputs inputs, string? detail = null) =>
        Keep(_machine.Fire(State, trigger, now, inputs, detail));

    public FireResult Fault(TimeSpan now, string cause, PhaseInputs? inputs = null) => Keep(_machine.Fault(State, now, SafetyCause.Other(cause), inputs));

    public IReadOnlyList<PhaseTransition> Advance(TimeSpan now, PhaseInputs inputs)
    {
        var advance = _machine.Advance(State, now, inputs);
        State = advance.State;
        return advance.Taken;
    }

    private FireResult Keep(PhaseStep step)
    {
        State = step.State;
        return step.Result;
    }
}

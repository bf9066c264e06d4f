using HipecSafe.Core.Collections;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Phases;

/// <summary>
/// Everything the phase machine remembers between calls, as an immutable value: the phase, where Resume returns to,
/// the leak-check and saline-exchange confirmations, the time spent in each phase (chemo time is kept across pauses and safe states), a
/// phase clock held by the caller and the causes that latched SafeState. <see cref="PhaseMachine"/> takes it in and returns the next one.
/// </summary>
public sealed record PhaseState
{
    private static readonly ValueList<Duration> NoTimeYet = ValueList.From(new Duration[Enum.GetValues<Phase>().Length]);

    public required Phase Current { get; init; }

    /// <summary>The phase <see cref="PhaseTrigger.Resume"/> returns to.</summary>
    public Phase ResumePhase { get; init; } = Phase.Standby;

    public bool LeakCheckConfirmed { get; init; }

    /// <summary>
    /// In a run restarted in the middle of a procedure: the phase the procedure was running when the previous run
    /// stopped (Priming … Draining); null otherwise, and once the operator has resumed or ended it.
    /// </summary>
    public Phase? InterruptedIn { get; init; }

    /// <summary>In Washout: the saline exchange has been confirmed (SRS-PH-023); the washout clock runs only from then on.</summary>
    public bool WashoutExchangeConfirmed { get; init; }

    /// <summary>Time accumulated in each phase, indexed by <see cref="Phase"/>.</summary>
    public ValueList<Duration> Elapsed { get; init; } = NoTimeYet;

    /// <summary>Causes that put the machine in SafeState since it was last reset (for display and the log).</summary>
    public ValueList<SafetyCause> LatchedCauses { get; init; } = ValueList.Empty<SafetyCause>();

    /// <summary>The phase whose clock is held now, if any (<see cref="PhaseMachine.HoldClock"/>): time in it does not count.</summary>
    public Phase? HeldClock { get; init; }

    /// <summary>The latest procedure time the machine has seen (phase clocks advance from it).</summary>
    public TimeSpan? LastTick { get; init; }

    /// <summary>A machine that starts in <paramref name="phase"/> (power-on: <see cref="Phase.PowerOnSelfTest"/>).</summary>
    public static PhaseState At(Phase phase) => new() { Current = phase };

    public Duration ElapsedIn(Phase phase) => Elapsed[(int)phase];

    /// <summary>
    /// Chemotherapy perfusion time so far: kept across pauses and safe-state episodes (SRS-PH-008), not counted while
    /// the chemo clock is held (SRS-PH-022).
    /// </summary>
    public Duration ChemoElapsed => ElapsedIn(Phase.ChemoPerfusion);

    public bool IsProtective => Current is Phase.SafeState or Phase.EmergencyStop;
}

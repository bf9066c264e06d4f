using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Controller.Actors;

/// <summary>The supervisor's state, kept outside the actor so that its own restart loses neither phase nor chemo time.</summary>
internal sealed class SupervisorState(PhaseMachine machine)
{
    public PhaseMachine Machine { get; } = machine;

    public SelfTestJudge SelfTest { get; } = new();

    public Evaluated? Current { get; set; }

    /// <summary>The newest cycle the supervisor has acted on; anything older arriving late (after a hang) is stale.</summary>
    public long LatestCycle { get; set; } = -1;

    /// <summary>The latest cycle the supervisor ended itself because the interlocks were not answering.</summary>
    public long EndedWithoutInterlocks { get; set; } = -1;

    public InterlockEvaluation? LastEvaluation => Current?.Evaluation;

    public ActuatorCommand LastApplied { get; set; } = ActuatorCommand.Safe;

    public Duration PrimedFor { get; set; } = Duration.Zero;

    public Volume ReservoirAtPhaseStart { get; set; } = Volume.Zero;

    public TimeSpan PhaseStartedAt { get; set; }

    public TimeSpan? PumpStartedAt { get; set; }

    public Phase PhaseAtLastCycle { get; set; } = Phase.PowerOnSelfTest;

    /// <summary>Technical alarm conditions (actor crash, log storage) by condition ID, with their texts.</summary>
    public Dictionary<string, Core.Alarms.AlarmCondition> TechnicalConditions { get; } = new(StringComparer.Ordinal);

    public CycleTick? LastTick => Current?.Sample.Start.Tick;
}

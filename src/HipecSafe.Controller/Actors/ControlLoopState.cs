using Akka.Actor;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// The control loop actor's state, kept outside the actor so that a restart loses neither phase nor chemo time:
/// the control lane's state, the gate's latest verdict, and what has arrived for the next cycle (operator commands
/// with whom to answer, technical events).
/// </summary>
internal sealed class ControlLoopState(ProcedureStep step)
{
    public ProcedureStep Step { get; } = step;

    public ProcedureState State { get; set; } = step.Initial;

    public GateVerdict? LastVerdict { get; set; }

    public List<(OperatorAction Action, IActorRef ReplyTo)> Pending { get; } = [];

    /// <summary>Commands handed to the step under way: answered refused if the step crashes on them.</summary>
    public List<(OperatorAction Action, IActorRef ReplyTo)> InFlight { get; } = [];

    public List<TechnicalEvent> Events { get; } = [];
}

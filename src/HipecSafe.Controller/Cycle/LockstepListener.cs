using Akka.Actor;

namespace HipecSafe.Controller.Cycle;

/// <summary>
/// The listener of a lockstep run: hands each message to the callback at once, on the sending thread. A
/// <see cref="CycleListener"/> actor on the lockstep dispatcher does the same (its mailbox runs inside the sender's
/// Tell), only through a mailbox, an envelope and a receive table: eight times a cycle (round progress and the
/// report). It owns no state, so nothing of the actors' ownership or message order changes. Real-time runs keep
/// the actor, which takes the callback off the controller's threads.
/// </summary>
internal sealed class LockstepListener(ActorPath path, IActorRefProvider provider, Action<object> sink) : MinimalActorRef
{
    public override ActorPath Path => path;

    public override IActorRefProvider Provider => provider;

    protected override void TellInternal(object message, IActorRef sender) => sink(message);
}

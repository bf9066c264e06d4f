using Akka.Actor;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Health;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Base of every actor the watchdog monitors: answers health pings with the round's key, and reports its own crash to
/// its parent from PreRestart, with the message that was lost.
/// </summary>
internal abstract class MonitoredActor : ReceiveActor
{
    protected MonitoredActor(string component)
    {
        Component = component;
        Receive<Ping>(p =>
        {
            Sender.Tell(new Pong(Component, p.Key));
            OnHealthRound();
        });
    }

    protected string Component { get; }

    /// <summary>Called after answering each ping (once per cycle); must not block.</summary>
    protected virtual void OnHealthRound()
    {
    }

    protected override void PreRestart(Exception reason, object message)
    {
        Context.Parent.Tell(new ActorCrashed(Component, $"{reason.GetType().Name}: {reason.Message}", message));
        base.PreRestart(reason, message);
    }
}

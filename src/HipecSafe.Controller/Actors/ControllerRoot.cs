using Akka.Actor;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Decisions;

namespace HipecSafe.Controller.Actors;

/// <summary>Asked once after creation: the root answers with the entry points when its children exist and are wired.</summary>
internal sealed record AreYouReady
{
    public static AreYouReady Instance { get; } = new();
}

/// <summary>
/// Creates the controller's actors through <see cref="ControllerTopology"/> and supervises them: any crash restarts
/// the actor (its safety state lives outside it and survives), and both decision units are told, so the gate holds
/// the actuators safe and the control lane latches SafeState. An actor that keeps crashing is stopped; the watchdog
/// then fails it, the gate holds the actuators safe and the heartbeat stops, so the board's own watchdog latches too.
/// </summary>
internal sealed class ControllerRoot : ReceiveActor
{
    private readonly Dictionary<IActorRef, string> _names = [];
    private readonly RootPorts _ports;
    private readonly ControllerEntry _entry;

    public ControllerRoot(ControllerParts parts)
    {
        (_ports, _entry) = ControllerTopology.Build(Context, parts, (child, name) =>
        {
            _names[child] = name;
            Context.Watch(child);
            return child;
        });

        Receive<ActorCrashed>(c =>
        {
            Notify(new ComponentCrashed(c.Component, c.Exception, c.LostMessage?.GetType().Name));
            _ports.Listener.Tell(new CrashHandled(c.Component));
        });
        Receive<AreYouReady>(_ => Sender.Tell(_entry));
        Receive<Terminated>(t =>
        {
            var name = _names.GetValueOrDefault(t.ActorRef, t.ActorRef.Path.Name);
            Notify(new ComponentCrashed(name, "stopped after repeated crashes: actuators held safe", null));
        });
    }

    private void Notify(ComponentCrashed crash)
    {
        _ports.Gate.Tell(crash);
        _ports.ControlLoop.Tell(crash);
    }

    // Restart on every exception; more than 10 crashes of one actor within a minute stops it for good.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), _ => Directive.Restart);
}

using Akka.Actor;

namespace HipecSafe.Controller.Topology;

/// <summary>
/// One outgoing connection of a component, named after what it carries. The topology connects every port exactly
/// once, right after creating the actors and before the first message flows; a component can send only through the
/// ports it was given, so the wiring table in <see cref="ControllerTopology"/> is the whole of who talks to whom.
/// Ports outlive actor restarts: a restarted actor is built with the same ports.
/// </summary>
internal sealed class OutputPort(string name)
{
    private IActorRef _target = ActorRefs.Nobody;

    public string Name { get; } = name;

    public bool IsConnected => !ReferenceEquals(_target, ActorRefs.Nobody);

    public void Connect(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsConnected)
        {
            throw new InvalidOperationException($"port {Name} is already connected to {_target.Path}");
        }

        _target = target;
    }

    public void Tell(object message, IActorRef? sender = null) => _target.Tell(message, sender ?? ActorRefs.NoSender);

    public override string ToString() => $"{Name} → {(IsConnected ? _target.Path.Name : "(not connected)")}";
}

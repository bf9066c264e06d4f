using Akka.Actor;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>A message as it crossed one named connection (see <see cref="TaggingRelay"/>).</summary>
internal sealed record Tagged(string Connection, object Message);

/// <summary>
/// Stands at the end of one output port and passes every message on to <paramref name="to"/> tagged with the port's
/// name, so that one probe behind several ports sees both the order of the messages and which port each came through.
/// On the calling-thread dispatcher it relays inside the sender's Tell, so it adds no reordering of its own.
/// </summary>
internal sealed class TaggingRelay : ReceiveActor
{
    public TaggingRelay(string connection, IActorRef to) => ReceiveAny(m => to.Tell(new Tagged(connection, m)));
}

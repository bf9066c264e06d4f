using Akka.Actor;

namespace HipecSafe.Controller.Cycle;

/// <summary>Hands whatever the controller publishes (cycle reports, round progress, stall notices) to a callback.</summary>
internal sealed class CycleListener : ReceiveActor
{
    public CycleListener(Action<object> sink) => ReceiveAny(sink);
}

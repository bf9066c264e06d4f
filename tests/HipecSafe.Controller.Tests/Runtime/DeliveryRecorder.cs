using System.Collections.Concurrent;
using Akka.Actor;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Topology;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>One message as delivered to a component.</summary>
internal sealed record Delivery(string Component, object Message);

/// <summary>
/// A test decorator that hosts every component behind a host which notes each message delivered to it, in delivery
/// order, then hands it on unchanged (sender kept). In lockstep every delivery happens on the driver's thread, so the
/// list is the order in which the components received their messages.
/// </summary>
internal sealed class DeliveryRecorder : IComponentDecorator
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public IReadOnlyList<Delivery> Deliveries => _deliveries.ToList();

    public Props Decorate(string component, Props props) => Props.Create(() => new RecordingHost(component, props, _deliveries));

    private sealed class RecordingHost : ReceiveActor
    {
        private readonly string _component;
        private readonly Props _inner;
        private IActorRef _child = ActorRefs.Nobody;

        public RecordingHost(string component, Props inner, ConcurrentQueue<Delivery> deliveries)
        {
            _component = component;
            _inner = inner;
            Receive<ActorCrashed>(c => Context.Parent.Tell(c));
            ReceiveAny(m =>
            {
                deliveries.Enqueue(new Delivery(_component, m));
                _child.Forward(m);
            });
        }

        protected override void PreStart()
        {
            var props = Context.Props.Dispatcher is { Length: > 0 } dispatcher ? _inner.WithDispatcher(dispatcher) : _inner;
            _child = Context.ActorOf(props, _component);
        }
    }
}

using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// A test decorator that stands in front of the gate and replaces the command of every desired command it receives
/// (keeping its cycle, procedure context and requests), as a faulty control lane would ask: whatever reaches the
/// board is then what the gate alone made of it.
/// </summary>
internal sealed class DesiredTampering(Func<ActuatorCommand, ActuatorCommand> tamper, bool alwaysRequestRelease) : IComponentDecorator
{
    public Props Decorate(string component, Props props) => component == ComponentNames.Interlocks
        ? Props.Create(() => new TamperingHost(props, tamper, alwaysRequestRelease))
        : props;

    private sealed class TamperingHost : ReceiveActor
    {
        private readonly Props _inner;
        private IActorRef _gate = ActorRefs.Nobody;

        public TamperingHost(Props inner, Func<ActuatorCommand, ActuatorCommand> tamper, bool alwaysRequestRelease)
        {
            _inner = inner;
            Receive<Desired>(d => _gate.Forward(d with
            {
                Command = d.Command with
                {
                    Command = tamper(d.Command.Command),
                    ReleaseBoardLatch = d.Command.ReleaseBoardLatch || alwaysRequestRelease,
                },
            }));
            // The gate's crash reports go to the controller's root, as from the gate itself.
            Receive<ActorCrashed>(c => Context.Parent.Tell(c));
            ReceiveAny(m => _gate.Forward(m));
        }

        protected override void PreStart()
        {
            var props = Context.Props.Dispatcher is { Length: > 0 } dispatcher ? _inner.WithDispatcher(dispatcher) : _inner;
            _gate = Context.ActorOf(props, ComponentNames.Interlocks);
        }
    }
}

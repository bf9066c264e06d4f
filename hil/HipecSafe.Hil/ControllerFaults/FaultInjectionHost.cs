using Akka.Actor;
using Akka.Event;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Health;

namespace HipecSafe.Hil.ControllerFaults;

/// <summary>
/// Hosts one real controller component as its child and stands in its place in the topology: every message is
/// forwarded to it unchanged, until a fault is injected. A crash kills the component, which its own restart path then
/// handles exactly as in the device (the crash report is passed up to the controller's root); a stall stops the
/// forwarding, so the component neither answers pings nor handles its cycle messages.
/// <para>
/// In lockstep a stall lasts its duration in cycles, counted on the pings a watched component gets, or on the cycle
/// ticks the watchdog gets (nobody pings the watchdog). The ticks a stalled watchdog misses are dropped, not replayed:
/// the real-time clock hands over no tick while the previous one has not been taken (TickCoalescer), so the cycles of
/// a stall are skipped. Meanwhile no cycle starts, nothing is read or written, the heartbeat stops and the board's own
/// watchdog latches; the first cycle after the stall reads that latch (IL-BOARD-SAFE-LATCH).
/// </para>
/// </summary>
internal sealed class FaultInjectionHost : ReceiveActor, IWithUnboundedStash
{
    private readonly string _component;
    private readonly Props _inner;
    private readonly bool _lockstep;
    private readonly TimeSpan _period;
    private readonly Action<string, IActorRef> _register;
    private IActorRef _child = ActorRefs.Nobody;
    // The latest health round (ping key) or cycle (tick) the component was given: a stall is counted from it.
    private long _lastKey = -1;
    private long _stalledUntil;

    public FaultInjectionHost(string component, Props inner, bool lockstep, TimeSpan period, Action<string, IActorRef> register)
    {
        _component = component;
        _inner = inner;
        _lockstep = lockstep;
        _period = period;
        _register = register;
        Become(Running);
    }

    public IStash Stash { get; set; } = null!;

    protected override void PreStart()
    {
        var props = Context.Props.Dispatcher is { Length: > 0 } dispatcher ? _inner.WithDispatcher(dispatcher) : _inner;
        _child = Context.ActorOf(props, _component);
        Context.Watch(_child);
        _register(_component, Self);
    }

    private void Running()
    {
        Receive<InjectCrash>(_ => _child.Tell(Kill.Instance));
        Receive<InjectStall>(OnStall);
        Receive<ActorCrashed>(c => Context.Parent.Tell(c));
        Receive<Terminated>(t => t.ActorRef.Equals(_child), _ => Context.Stop(Self));
        Receive<Ping>(p =>
        {
            _lastKey = Math.Max(_lastKey, p.Key);
            _child.Forward(p);
        });
        Receive<CycleTick>(t =>
        {
            _lastKey = Math.Max(_lastKey, t.Cycle);
            _child.Forward(t);
        });
        ReceiveAny(m => _child.Forward(m));
    }

    private void OnStall(InjectStall stall)
    {
        if (!_lockstep)
        {
            // The injected fault itself: the component's messages wait here while this thread hangs, as a deadlock would.
            Thread.Sleep(stall.Duration);
            return;
        }

        _stalledUntil = _lastKey + (long)Math.Ceiling(stall.Duration / _period);
        Context.System.EventStream.Publish(new ComponentSuspended(_component, _stalledUntil));
        Become(Stalled);
    }

    private void Stalled()
    {
        Receive<Ping>(p =>
        {
            if (p.Key < _stalledUntil)
            {
                Stash.Stash();
                return;
            }

            Become(Running);
            Stash.UnstashAll();
            _lastKey = p.Key;
            _child.Forward(p);
        });
        Receive<CycleTick>(t =>
        {
            if (t.Cycle < _stalledUntil)
            {
                // Skipped, as the real-time clock skips the cycles a stalled watchdog does not take.
                Context.System.EventStream.Publish(new StallAbsorbed(_component, nameof(CycleTick)));
                return;
            }

            Become(Running);
            Stash.UnstashAll();
            _lastKey = t.Cycle;
            _child.Forward(t);
        });
        Receive<ActorCrashed>(c => Context.Parent.Tell(c));
        Receive<Terminated>(t => t.ActorRef.Equals(_child), _ => Context.Stop(Self));
        ReceiveAny(m =>
        {
            Stash.Stash();
            Context.System.EventStream.Publish(new StallAbsorbed(_component, m.GetType().Name));
        });
    }

    // The component's own supervision, as the controller's root gives it: restart, and stop after 10 crashes in a minute.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), _ => Directive.Restart);
}

using Akka.Actor;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Health;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Base of every actor the watchdog monitors: answers health pings, carries the fault-injection hooks (crash and
/// stall), and reports its own crash to the root from PreRestart with the message that was lost.
/// </summary>
internal abstract class MonitoredActor : ReceiveActor, IWithUnboundedStash
{
    private long _stallUntilKey = -1;
    private long _lastPingKey = -1;

    protected MonitoredActor(string component, ControllerEnvironment environment)
    {
        Component = component;
        Environment = environment;
        Become(Running);
    }

    public IStash Stash { get; set; } = null!;

    protected string Component { get; }

    protected ControllerEnvironment Environment { get; }

    /// <summary>The actor's own message handlers (called inside <see cref="Running"/>).</summary>
    protected abstract void Handlers();

    private void Running()
    {
        Receive<Ping>(p =>
        {
            _lastPingKey = p.Key;
            Sender.Tell(new Pong(Component, p.Key));
        });
        Receive<InjectCrash>(c => throw new InjectedFaultException($"injected crash of {Component}: {c.Reason}"));
        Receive<InjectStall>(OnStall);
        Handlers();
    }

    private void OnStall(InjectStall stall)
    {
        if (Environment.Mode == ClockMode.RealTime)
        {
            // The injected fault itself: this actor's thread hangs, exactly like a deadlocked component would.
            Thread.Sleep(stall.Duration);
            return;
        }

        var cycles = (long)Math.Ceiling(stall.Duration / Environment.CyclePeriod);
        _stallUntilKey = _lastPingKey + cycles;
        Become(Stalled);
    }

    private void Stalled()
    {
        Receive<Ping>(p =>
        {
            if (p.Key >= _stallUntilKey)
            {
                Become(Running);
                Stash.UnstashAll();
                _lastPingKey = p.Key;
                Sender.Tell(new Pong(Component, p.Key));
                return;
            }

            Stash.Stash();
        });
        ReceiveAny(m =>
        {
            Stash.Stash();
            Environment.Listener.Tell(new StallAbsorbed(Component, m.GetType().Name));
        });
    }

    protected override void PreRestart(Exception reason, object message)
    {
        Context.Parent.Tell(new ActorCrashed(Component, $"{reason.GetType().Name}: {reason.Message}", message));
        base.PreRestart(reason, message);
    }
}

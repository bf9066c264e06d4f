using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Health;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Starts every cycle: closes the previous ping round (<see cref="HealthMonitor"/>), pings every component with the
/// new key, and hands the cycle to the board bus with the heartbeat permission. A component failing 3 rounds is
/// logged once and passed along so the bus drives the actuators safe and the supervisor latches SafeState.
/// </summary>
internal sealed class WatchdogActor : ReceiveActor
{
    private readonly ControllerEnvironment _env;
    private readonly HealthMonitor _monitor;
    private CycleTick? _lastTick;

    public WatchdogActor(ControllerEnvironment environment, HealthMonitor monitor)
    {
        _env = environment;
        _monitor = monitor;

        Receive<CycleTick>(OnTick);
        Receive<Pong>(p =>
        {
            if (_monitor.Answer(p.Component, p.Key))
            {
                _env.Listener.Tell(new RoundProgress(p.Key, _monitor.Outstanding));
            }
        });
        Receive<Faults.InjectCrash>(c => throw new Faults.InjectedFaultException($"injected crash of {ComponentNames.Watchdog}: {c.Reason}"));
        Receive<ResetHealth>(_ =>
        {
            if (_monitor.Reset() is { } refusal && _lastTick is { } t)
            {
                Log(t, LogPriority.Medium, new NoteEntry($"watchdog reset refused: {refusal}"));
            }
        });
    }

    private void OnTick(CycleTick tick)
    {
        _lastTick = tick;
        _env.LastTick = tick;
        var round = _monitor.BeginRound(tick.Cycle);
        foreach (var failed in round.NewlyFailed)
        {
            Log(tick, LogPriority.High, new FaultEntry("watchdog",
                $"{failed} missed {_monitor.MissedRoundsForFailure} consecutive health pings: actuators to safe state, heartbeat withheld"));
        }

        var ping = new Ping(tick.Cycle);
        _env.Supervisor.Tell(ping);
        _env.ControlLoop.Tell(ping);
        _env.Interlocks.Tell(ping);
        _env.Alarms.Tell(ping);
        _env.HazardLog.Tell(ping);
        _env.BoardBus.Tell(ping);

        _env.Listener.Tell(new RoundProgress(tick.Cycle, _monitor.Outstanding));
        // A round that allows the heartbeat has nobody late (and nobody failed): no list to build.
        IReadOnlyList<string> late = round.HeartbeatAllowed
            ? []
            : round.MissedRounds.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        _env.BoardBus.Tell(new StartCycle(tick, round.HeartbeatAllowed, round.Failed, late));
    }

    protected override void PreRestart(Exception reason, object message)
    {
        Context.Parent.Tell(new Faults.ActorCrashed(ComponentNames.Watchdog, $"{reason.GetType().Name}: {reason.Message}", message));
        base.PreRestart(reason, message);
    }

    private void Log(CycleTick tick, LogPriority priority, HazardLogEntry entry) =>
        _env.HazardLog.Tell(new LogEvent(priority, tick.Time, tick.WallClock, entry));
}

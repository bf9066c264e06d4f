using Akka.Actor;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.Health;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Collections;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Health;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Starts every cycle: closes the previous ping round (<see cref="HealthMonitor"/>), pings every watched component
/// with the new key, and hands the cycle to the board bus with the round's verdict. A component failing 3 rounds is
/// logged once and told to the alarm actor directly, so it is annunciated even while the failed component is the gate
/// or the bus, through which every cycle's alarm update travels (SRS-AL-016); the gate then holds the actuators safe and
/// withholds the heartbeat, and the control lane latches SafeState. This path only annunciates: the gate stays the one
/// place that constrains a command.
/// </summary>
internal sealed class WatchdogActor : ReceiveActor
{
    private readonly WatchdogPorts _ports;
    private readonly HealthMonitor _monitor;
    private CycleTick? _lastTick;
    // The failed components the alarm actor was last told of: it is told again only when they change.
    private IReadOnlyList<string> _announcedFailed = [];

    public WatchdogActor(WatchdogPorts ports, HealthMonitor monitor)
    {
        _ports = ports;
        _monitor = monitor;

        Receive<CycleTick>(OnTick);
        Receive<Pong>(p =>
        {
            if (_monitor.Answer(p.Component, p.Key))
            {
                _ports.Listener.Tell(new RoundProgress(p.Key, _monitor.Outstanding));
            }
        });
        Receive<ResetHealth>(_ =>
        {
            if (_monitor.Reset() is { } refusal && _lastTick is { } t)
            {
                _ports.Log.Tell(new LogEvent(LogPriority.Medium, t.Time, t.WallClock, new NoteEntry($"watchdog reset refused: {refusal}")));
            }
        });
    }

    private void OnTick(CycleTick tick)
    {
        _lastTick = tick;
        var round = _monitor.BeginRound(tick.Cycle);
        foreach (var failed in round.NewlyFailed)
        {
            _ports.Log.Tell(new LogEvent(LogPriority.High, tick.Time, tick.WallClock, new FaultEntry("watchdog",
                $"{failed} missed {_monitor.MissedRoundsForFailure} consecutive health pings: actuators to safe state, heartbeat withheld")));
        }

        if (!FailedComponentAlarm.Same(round.Failed, _announcedFailed))
        {
            _announcedFailed = round.Failed;
            _ports.Alarms.Tell(new ComponentFailureAlarm(tick, FailedComponentAlarm.Of(round.Failed, _monitor.MissedRoundsForFailure)));
        }

        var ping = new Ping(tick.Cycle);
        foreach (var (_, port) in _ports.Watched)
        {
            port.Tell(ping, Self);
        }

        _ports.Listener.Tell(new RoundProgress(tick.Cycle, _monitor.Outstanding));
        _ports.Bus.Tell(new StartCycle(tick, HealthOf(round)));
    }

    /// <summary>The round as both decision units see it; the usual round (everyone answered) shares one instance.</summary>
    private static Core.Decisions.HealthStatus HealthOf(HealthRound round)
    {
        if (round.HeartbeatAllowed)
        {
            return Core.Decisions.HealthStatus.AllAnswered;
        }

        var late = round.MissedRounds.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order(StringComparer.Ordinal);
        return new Core.Decisions.HealthStatus(false, ValueList.From(late), ValueList.From(round.Failed));
    }

    protected override void PreRestart(Exception reason, object message)
    {
        Context.Parent.Tell(new ActorCrashed(ComponentNames.Watchdog, $"{reason.GetType().Name}: {reason.Message}", message));
        base.PreRestart(reason, message);
    }
}

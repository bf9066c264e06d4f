using Akka.Actor;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Hands the controller's records to the hazard log in arrival order (the cycle chain makes that order deterministic)
/// and tells the control lane when the log becomes unavailable or available again, so it can raise or clear the
/// "hazard log unavailable" alarm. In real time it never touches storage itself: the <see cref="HazardLogPump"/>'s
/// writer thread does the writes, fsyncs and head replacements, so this actor answers every health ping at once
/// however slow the disk is, and a slow disk shows as LOG-UNAVAILABLE, not as a missed health round (OI-11).
/// The pump and the writer outlive restarts of this actor.
/// </summary>
internal sealed class HazardLogActor : MonitoredActor
{
    private readonly HazardLogPorts _ports;
    private readonly HazardLogPump _pump;
    private EventHandler<LogAvailabilityChangedEventArgs>? _onAvailability;

    public HazardLogActor(HazardLogPorts ports, HazardLogPump pump)
        : base(ComponentNames.HazardLog)
    {
        _ports = ports;
        _pump = pump;
        Receive<LogEvent>(e => _pump.Enqueue(e.Priority, e.ProcedureTime, e.WallClock, e.Entry));
        Receive<LogRecords>(r =>
        {
            foreach (var entry in r.Entries)
            {
                _pump.Enqueue(entry.Priority, r.ProcedureTime, r.WallClock, entry.Entry);
            }
        });
        Receive<FlushLog>(_ =>
        {
            // Answered once the writer has synced, from its thread; this actor does not wait for it.
            var replyTo = Sender;
            _pump.Flush(ok => replyTo.Tell(new LogFlushed(ok)));
        });
    }

    /// <summary>Each health round is a moment to see whether a record has waited too long for the disk.</summary>
    protected override void OnHealthRound() => _pump.CheckStall();

    protected override void PreStart()
    {
        var controlLoop = _ports.ControlLoop;
        _onAvailability = (_, e) => controlLoop.Tell(new LogHealthChanged(e.Available, e.Description));
        _pump.AvailabilityChanged += _onAvailability;
        base.PreStart();
    }

    protected override void PostStop()
    {
        // The pump outlives this actor instance: a restarted instance subscribes again, so this one must leave.
        _pump.AvailabilityChanged -= _onAvailability;
        base.PostStop();
    }
}

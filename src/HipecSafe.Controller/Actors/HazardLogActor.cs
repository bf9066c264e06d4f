using Akka.Actor;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Topology;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the hazard-log writer: appends records in arrival order (the cycle chain makes that order deterministic),
/// and tells the control lane when storage health changes so it can raise the "hazard log unavailable" alarm.
/// The writer never throws for storage problems, and it outlives restarts of this actor.
/// </summary>
internal sealed class HazardLogActor : MonitoredActor
{
    private readonly HazardLogPorts _ports;
    private readonly HazardLogWriter _writer;
    private EventHandler<HazardLogHealthChangedEventArgs>? _onHealth;

    public HazardLogActor(HazardLogPorts ports, HazardLogWriter writer)
        : base(ComponentNames.HazardLog)
    {
        _ports = ports;
        _writer = writer;
        Receive<LogEvent>(e => _writer.Append(e.Priority, e.ProcedureTime, e.WallClock, e.Entry));
        Receive<LogRecords>(r =>
        {
            foreach (var entry in r.Entries)
            {
                _writer.Append(entry.Priority, r.ProcedureTime, r.WallClock, entry.Entry);
            }
        });
        Receive<FlushLog>(_ => Sender.Tell(new LogFlushed(_writer.Flush())));
    }

    protected override void PreStart()
    {
        var controlLoop = _ports.ControlLoop;
        _onHealth = (_, e) => controlLoop.Tell(new LogHealthChanged(e.Current is HazardLogHealth.Healthy, e.Current.ToString()));
        _writer.HealthChanged += _onHealth;
        base.PreStart();
    }

    protected override void PostStop()
    {
        // The writer outlives this actor instance: a restarted instance subscribes again, so this one must leave.
        _writer.HealthChanged -= _onHealth;
        base.PostStop();
    }
}

using Akka.Actor;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Logging;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Owns the hazard-log writer: appends records in arrival order (the cycle chain makes that order deterministic),
/// and tells the supervisor when storage health changes so it can raise the "hazard log unavailable" alarm.
/// The writer never throws for storage problems, and it outlives restarts of this actor.
/// </summary>
internal sealed class HazardLogActor : MonitoredActor
{
    private readonly HazardLogWriter _writer;

    public HazardLogActor(ControllerEnvironment environment, HazardLogWriter writer)
        : base(ComponentNames.HazardLog, environment) => _writer = writer;

    private EventHandler<HazardLogHealthChangedEventArgs>? _onHealth;

    protected override void PreStart()
    {
        var supervisor = Environment.Supervisor;
        _onHealth = (_, e) => supervisor.Tell(new LogHealthChanged(e.Current is HazardLogHealth.Healthy, e.Current.ToString()));
        _writer.HealthChanged += _onHealth;
        base.PreStart();
    }

    protected override void PostStop()
    {
        // The writer outlives this actor instance: a restarted instance subscribes again, so this one must leave.
        _writer.HealthChanged -= _onHealth;
        base.PostStop();
    }

    protected override void Handlers()
    {
        Receive<LogEvent>(e => _writer.Append(e.Priority, e.ProcedureTime, e.WallClock, e.Entry));
        Receive<FlushLog>(_ => Sender.Tell(new LogFlushed(_writer.Flush())));
    }
}

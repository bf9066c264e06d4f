using Akka.Actor;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Logging;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Control;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Health;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;

namespace HipecSafe.Controller.Actors;

/// <summary>Asked once after creation: the root answers when its children exist and their references are known.</summary>
internal sealed record AreYouReady
{
    public static AreYouReady Instance { get; } = new();
}

/// <summary>What the root needs to build the controller.</summary>
internal sealed record ControllerParts(
    ControllerEnvironment Environment,
    Boards.IBoardPort Boards,
    HazardLogWriter Log,
    Func<ControlLaw> ControlLawFactory,
    PhaseMachine Machine);

/// <summary>
/// Creates the controller's actors and supervises them: any crash restarts the actor (its safety state lives
/// outside it and survives), and the supervisor is told so it latches SafeState and finishes the lost cycle. An
/// actor that keeps crashing is stopped; the bus then holds the actuators safe and the missing pings stop the
/// heartbeat, so the board's own watchdog latches too.
/// </summary>
internal sealed class ControllerRoot : ReceiveActor
{
    public const string InterlockDispatcher = "hipecsafe.interlock-dispatcher";
    public const string BusDispatcher = "hipecsafe.bus-dispatcher";
    public const string LogDispatcher = "hipecsafe.log-dispatcher";

    private readonly ControllerEnvironment _env;
    private readonly Dictionary<IActorRef, string> _names = [];

    public ControllerRoot(ControllerParts parts)
    {
        _env = parts.Environment;
        var env = parts.Environment;
        var supervisorState = new SupervisorState(parts.Machine);
        var interlockState = new InterlockState(new InterlockEngine(env.Profile.Limits));
        var busState = new BoardBusState(parts.Boards);
        var alarms = new AlarmSystem();
        var health = new HealthMonitor(ComponentNames.Monitored);
        var realTime = env.Mode == ClockMode.RealTime;
        string? Lockstep() => realTime ? null : ControllerRuntime.LockstepDispatcherId;

        env.HazardLog = Child(ActorFactory.Props(() => new HazardLogActor(env, parts.Log)), ComponentNames.HazardLog, realTime ? LogDispatcher : Lockstep());
        env.BoardBus = Child(ActorFactory.Props(() => new BoardBusActor(env, busState)), ComponentNames.BoardBus, realTime ? BusDispatcher : Lockstep());
        env.Interlocks = Child(ActorFactory.Props(() => new InterlockActor(env, interlockState)), ComponentNames.Interlocks, realTime ? InterlockDispatcher : Lockstep());
        env.ControlLoop = Child(ActorFactory.Props(() => new ControlLoopActor(env, parts.ControlLawFactory)), ComponentNames.ControlLoop, Lockstep());
        env.Alarms = Child(ActorFactory.Props(() => new AlarmActor(env, alarms)), ComponentNames.Alarms, Lockstep());
        env.Supervisor = Child(ActorFactory.Props(() => new SupervisorActor(env, supervisorState)), ComponentNames.Supervisor, Lockstep());
        env.Watchdog = Child(ActorFactory.Props(() => new WatchdogActor(env, health)), ComponentNames.Watchdog, Lockstep());

        Receive<ActorCrashed>(c => _env.Supervisor.Tell(c));
        Receive<AreYouReady>(_ => Sender.Tell(AreYouReady.Instance));
        Receive<Terminated>(t =>
        {
            var name = _names.GetValueOrDefault(t.ActorRef, t.ActorRef.Path.Name);
            _env.BoardBus.Tell(new ForceSafe($"{name} stopped after repeated crashes"));
            var tick = _env.LastTick;
            _env.HazardLog.Tell(new LogEvent(LogPriority.High, tick?.Time ?? TimeSpan.Zero, tick?.WallClock ?? DateTimeOffset.UnixEpoch,
                new FaultEntry("root", $"{name} stopped after repeated crashes: actuators held safe")));
        });
    }

    private IActorRef Child(Props props, string name, string? dispatcher)
    {
        var child = Context.ActorOf(dispatcher is null ? props : props.WithDispatcher(dispatcher), name);
        _names[child] = name;
        Context.Watch(child);
        return child;
    }

    // Restart on every exception; more than 10 crashes of one actor within a minute stops it for good.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), _ => Directive.Restart);
}

using Akka.Actor;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Health;

namespace HipecSafe.Controller.Topology;

/// <summary>What the topology needs to build the controller.</summary>
internal sealed record ControllerParts(
    ClockMode Mode,
    Boards.IBoardPort Boards,
    HazardLogPump Log,
    ProcedureStep Procedure,
    SafetyGate Gate,
    IActorRef Listener,
    IComponentDecorator? Decorator,
    ProcedureResume? Resume = null);

/// <summary>The controller's entry points, for the runtime that drives it from outside the actor graph.</summary>
internal sealed record ControllerEntry(IActorRef Watchdog, IActorRef Interlocks, IActorRef ControlLoop, IActorRef Alarms, IActorRef HazardLog);

/// <summary>
/// The one place that wires who talks to whom (like F´'s topology file): it creates every component's actor with its
/// state holder and its output ports, on its dispatcher, then connects each port to its single target. The table:
/// <code>
/// watchdog    → boardbus (StartCycle), every watched component (Ping), alarms (ComponentFailureAlarm), hazardlog, listener
/// boardbus    → interlocks, controlloop (Sampled), alarms (UpdateAlarms), hazardlog, listener (CycleStarted)
/// controlloop → interlocks (Desired), watchdog (ResetHealth), hazardlog
/// interlocks  → boardbus (WriteCommand), controlloop (VerdictTaken), hazardlog
/// alarms      → hazardlog, listener (CycleReport, AlarmsAnnounced)
/// hazardlog   → controlloop (LogHealthChanged)
/// root        → controlloop, interlocks (ComponentCrashed), listener (CrashHandled)
/// </code>
/// </summary>
internal static class ControllerTopology
{
    public const string InterlockDispatcher = "hipecsafe.interlock-dispatcher";
    public const string BusDispatcher = "hipecsafe.bus-dispatcher";
    public const string LogDispatcher = "hipecsafe.log-dispatcher";
    public const string LockstepDispatcher = "hipecsafe.lockstep-dispatcher";

    /// <summary>Builds the controller under <paramref name="context"/> (the root); returns the root's ports and the entry points.</summary>
    public static (RootPorts Root, ControllerEntry Entry) Build(IActorContext context, ControllerParts parts, Func<IActorRef, string, IActorRef> watch)
    {
        var realTime = parts.Mode == ClockMode.RealTime;
        OutputPort Port(string from, string to) => new($"{from}→{to}");
        var watched = ComponentNames.Monitored.Select(c => (c, Port(ComponentNames.Watchdog, c))).ToList();
        var watchdogPorts = new WatchdogPorts(Port(ComponentNames.Watchdog, ComponentNames.BoardBus), watched,
            Port(ComponentNames.Watchdog, ComponentNames.HazardLog), Port(ComponentNames.Watchdog, "listener"),
            Port(ComponentNames.Watchdog, ComponentNames.Alarms));
        var busPorts = new BoardBusPorts(Port(ComponentNames.BoardBus, ComponentNames.Interlocks), Port(ComponentNames.BoardBus, ComponentNames.ControlLoop),
            Port(ComponentNames.BoardBus, ComponentNames.Alarms), Port(ComponentNames.BoardBus, ComponentNames.HazardLog),
            Port(ComponentNames.BoardBus, "listener"));
        var controlPorts = new ControlLoopPorts(Port(ComponentNames.ControlLoop, ComponentNames.Interlocks),
            Port(ComponentNames.ControlLoop, ComponentNames.Watchdog), Port(ComponentNames.ControlLoop, ComponentNames.HazardLog));
        var gatePorts = new InterlockPorts(Port(ComponentNames.Interlocks, ComponentNames.BoardBus),
            Port(ComponentNames.Interlocks, ComponentNames.ControlLoop), Port(ComponentNames.Interlocks, ComponentNames.HazardLog));
        var alarmPorts = new AlarmPorts(Port(ComponentNames.Alarms, ComponentNames.HazardLog), Port(ComponentNames.Alarms, "listener"));
        var logPorts = new HazardLogPorts(Port(ComponentNames.HazardLog, ComponentNames.ControlLoop));
        var rootPorts = new RootPorts(Port("root", ComponentNames.ControlLoop), Port("root", ComponentNames.Interlocks), Port("root", "listener"));

        // State holders live here, outside the actors, so that a restarted actor keeps its safety state.
        var controlState = new ControlLoopState(parts.Procedure);
        if (parts.Resume is { } resume)
        {
            controlState.State = parts.Procedure.ResumeFrom(resume);
        }

        var gateState = new InterlockState(parts.Gate);
        var busState = new BoardBusState(parts.Boards);
        var alarmState = new AlarmActorState(new AlarmSystem());
        var health = new HealthMonitor(ComponentNames.Monitored);

        IActorRef Create(string name, Props props, string? realTimeDispatcher)
        {
            var dispatcher = realTime ? realTimeDispatcher : LockstepDispatcher;
            var decorated = parts.Decorator?.Decorate(name, props) ?? props;
            return watch(context.ActorOf(dispatcher is null ? decorated : decorated.WithDispatcher(dispatcher), name), name);
        }

        var log = Create(ComponentNames.HazardLog, ActorFactory.Props(() => new HazardLogActor(logPorts, parts.Log)), LogDispatcher);
        var bus = Create(ComponentNames.BoardBus, ActorFactory.Props(() => new BoardBusActor(busPorts, busState)), BusDispatcher);
        var gate = Create(ComponentNames.Interlocks, ActorFactory.Props(() => new InterlockActor(gatePorts, gateState)), InterlockDispatcher);
        var control = Create(ComponentNames.ControlLoop, ActorFactory.Props(() => new ControlLoopActor(controlPorts, controlState)), null);
        var alarms = Create(ComponentNames.Alarms, ActorFactory.Props(() => new AlarmActor(alarmPorts, alarmState)), null);
        var watchdog = Create(ComponentNames.Watchdog, ActorFactory.Props(() => new WatchdogActor(watchdogPorts, health)), null);

        var byName = new Dictionary<string, IActorRef>(StringComparer.Ordinal)
        {
            [ComponentNames.HazardLog] = log, [ComponentNames.BoardBus] = bus, [ComponentNames.Interlocks] = gate,
            [ComponentNames.ControlLoop] = control, [ComponentNames.Alarms] = alarms, [ComponentNames.Watchdog] = watchdog,
        };

        watchdogPorts.Bus.Connect(bus);
        foreach (var (component, port) in watched)
        {
            port.Connect(byName[component]);
        }

        watchdogPorts.Log.Connect(log);
        watchdogPorts.Listener.Connect(parts.Listener);
        watchdogPorts.Alarms.Connect(alarms);
        busPorts.Gate.Connect(gate);
        busPorts.ControlLoop.Connect(control);
        busPorts.Alarms.Connect(alarms);
        busPorts.Log.Connect(log);
        busPorts.Listener.Connect(parts.Listener);
        controlPorts.Gate.Connect(gate);
        controlPorts.Watchdog.Connect(watchdog);
        controlPorts.Log.Connect(log);
        gatePorts.Bus.Connect(bus);
        gatePorts.ControlLoop.Connect(control);
        gatePorts.Log.Connect(log);
        alarmPorts.Log.Connect(log);
        alarmPorts.Listener.Connect(parts.Listener);
        logPorts.ControlLoop.Connect(control);
        rootPorts.ControlLoop.Connect(control);
        rootPorts.Gate.Connect(gate);
        rootPorts.Listener.Connect(parts.Listener);
        return (rootPorts, new ControllerEntry(watchdog, gate, control, alarms, log));
    }
}

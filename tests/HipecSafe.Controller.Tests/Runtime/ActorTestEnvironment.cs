using Akka.TestKit;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Phases;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// Output ports built by hand for actor-level tests, each connected to a test probe standing in for its target
/// component, so a test can put one real actor between probes and see exactly what it sends through which port.
/// One probe per component: whatever reaches a component, through any actor's port, reaches its probe.
/// </summary>
internal sealed class ActorTestEnvironment
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public ActorTestEnvironment(Func<string, TestProbe> probe)
    {
        Listener = probe("listener");
        ControlLoop = probe(ComponentNames.ControlLoop);
        Interlocks = probe(ComponentNames.Interlocks);
        Watchdog = probe(ComponentNames.Watchdog);
        Alarms = probe(ComponentNames.Alarms);
        HazardLog = probe(ComponentNames.HazardLog);
        BoardBus = probe(ComponentNames.BoardBus);
    }

    public TestProbe Listener { get; }

    public TestProbe ControlLoop { get; }

    public TestProbe Interlocks { get; }

    public TestProbe Watchdog { get; }

    public TestProbe Alarms { get; }

    public TestProbe HazardLog { get; }

    public TestProbe BoardBus { get; }

    /// <summary>The probe standing in for each component the watchdog pings, by component name.</summary>
    public IReadOnlyDictionary<string, TestProbe> Monitored => new Dictionary<string, TestProbe>(StringComparer.Ordinal)
    {
        [ComponentNames.ControlLoop] = ControlLoop,
        [ComponentNames.Interlocks] = Interlocks,
        [ComponentNames.Alarms] = Alarms,
        [ComponentNames.HazardLog] = HazardLog,
        [ComponentNames.BoardBus] = BoardBus,
    };

    public WatchdogPorts WatchdogPorts() => new(
        Port(ComponentNames.Watchdog, BoardBus),
        ComponentNames.Monitored.Select(c => (c, Port(ComponentNames.Watchdog, Monitored[c]))).ToList(),
        Port(ComponentNames.Watchdog, HazardLog),
        Port(ComponentNames.Watchdog, Listener),
        Port(ComponentNames.Watchdog, Alarms));

    public AlarmPorts AlarmPorts() => new(Port(ComponentNames.Alarms, HazardLog), Port(ComponentNames.Alarms, Listener));

    public BoardBusPorts BoardBusPorts() => new(
        Port(ComponentNames.BoardBus, Interlocks), Port(ComponentNames.BoardBus, ControlLoop),
        Port(ComponentNames.BoardBus, Alarms), Port(ComponentNames.BoardBus, HazardLog), Port(ComponentNames.BoardBus, Listener));

    public InterlockPorts InterlockPorts() => new(
        Port(ComponentNames.Interlocks, BoardBus), Port(ComponentNames.Interlocks, ControlLoop), Port(ComponentNames.Interlocks, HazardLog));

    public ControlLoopPorts ControlLoopPorts() => new(
        Port(ComponentNames.ControlLoop, Interlocks), Port(ComponentNames.ControlLoop, Watchdog), Port(ComponentNames.ControlLoop, HazardLog));

    private static OutputPort Port(string from, TestProbe to)
    {
        var port = new OutputPort($"{from}→{to.Ref.Path.Name}");
        port.Connect(to.Ref);
        return port;
    }

    public static CycleTick Tick(long cycle) => new(cycle, Period * (cycle + 1), Epoch + Period * (cycle + 1));

    public static CycleReport Report(CycleTick tick, ActuatorCommand command) =>
        new(tick, null, null, Phase.Heating, command, null, [], [], null, false, null, TimeSpan.Zero, []);

    /// <summary>A gate verdict for <paramref name="cycle"/> that writes <paramref name="command"/>.</summary>
    public static GateVerdict Verdict(long cycle, ActuatorCommand command, bool heartbeat = true, bool release = false) =>
        new(cycle, command, release, heartbeat, DesiredInTime: true, [], [], Core.Collections.ValueList.Empty<Core.Safety.SafetyCause>());
}

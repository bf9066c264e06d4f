using HipecSafe.Controller.Clock;
using Akka.TestKit;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// A <see cref="ControllerEnvironment"/> built by hand for actor-level tests: every sibling is a test probe, so a
/// test can put one real actor between probes and see exactly what it sends to whom.
/// </summary>
internal sealed class ActorTestEnvironment
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public ActorTestEnvironment(Func<string, TestProbe> probe)
    {
        Listener = probe("listener");
        Supervisor = probe(ComponentNames.Supervisor);
        ControlLoop = probe(ComponentNames.ControlLoop);
        Interlocks = probe(ComponentNames.Interlocks);
        Watchdog = probe(ComponentNames.Watchdog);
        Alarms = probe(ComponentNames.Alarms);
        HazardLog = probe(ComponentNames.HazardLog);
        BoardBus = probe(ComponentNames.BoardBus);
        Env = new ControllerEnvironment(ClockMode.Lockstep, Period, TreatmentProfile.Default, Listener.Ref)
        {
            Supervisor = Supervisor.Ref,
            ControlLoop = ControlLoop.Ref,
            Interlocks = Interlocks.Ref,
            Watchdog = Watchdog.Ref,
            Alarms = Alarms.Ref,
            HazardLog = HazardLog.Ref,
            BoardBus = BoardBus.Ref,
        };
    }

    public ControllerEnvironment Env { get; }

    public TestProbe Listener { get; }

    public TestProbe Supervisor { get; }

    public TestProbe ControlLoop { get; }

    public TestProbe Interlocks { get; }

    public TestProbe Watchdog { get; }

    public TestProbe Alarms { get; }

    public TestProbe HazardLog { get; }

    public TestProbe BoardBus { get; }

    /// <summary>The probe standing in for each monitored component, by component name.</summary>
    public IReadOnlyDictionary<string, TestProbe> Monitored => new Dictionary<string, TestProbe>(StringComparer.Ordinal)
    {
        [ComponentNames.Supervisor] = Supervisor,
        [ComponentNames.ControlLoop] = ControlLoop,
        [ComponentNames.Interlocks] = Interlocks,
        [ComponentNames.Alarms] = Alarms,
        [ComponentNames.HazardLog] = HazardLog,
        [ComponentNames.BoardBus] = BoardBus,
    };

    public static CycleTick Tick(long cycle) => new(cycle, Period * (cycle + 1), Epoch + Period * (cycle + 1));

    public static CycleReport Report(CycleTick tick, ActuatorCommand command) =>
        new(tick, null, null, Phase.Heating, command, null, [], [], null, false, null, TimeSpan.Zero, []);
}

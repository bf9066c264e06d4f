using Akka.Actor;
using Akka.Configuration;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Core.Control;
using HipecSafe.Core.Phases;

namespace HipecSafe.Controller;

/// <summary>
/// The controller as a whole: its actor system, driven either by a real-time clock thread or, in lockstep, one
/// <see cref="Step"/> at a time by a simulation driver, which gets control back only when the controller is idle.
/// </summary>
public sealed class ControllerRuntime : IDisposable
{
    private static readonly Config AkkaConfig = ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        hipecsafe {
          interlock-dispatcher { type = PinnedDispatcher }
          bus-dispatcher { type = PinnedDispatcher }
          log-dispatcher { type = PinnedDispatcher }
          lockstep-dispatcher {
            type = "HipecSafe.Controller.Cycle.LockstepDispatcherConfigurator, HipecSafe.Controller"
            throughput = 1000000
          }
        }
        """);

    internal const string LockstepDispatcherId = "hipecsafe.lockstep-dispatcher";

    private static readonly IReadOnlySet<string> NoneStalled = new HashSet<string>(StringComparer.Ordinal);

    private readonly ControllerOptions _options;
    private readonly ActorSystem _system;
    private readonly ControllerEnvironment _env;
    private readonly LockstepMonitor _lockstep = new();
    private readonly Dictionary<string, long> _stalledUntil = new(StringComparer.Ordinal);
    private readonly IActorRef _root;
    private readonly Action<object>? _observer;
    private RealTimeCycleClock? _clock;
    private long _cycle = -1;
    private DateTimeOffset _realTimeStart;

    private ControllerRuntime(ControllerOptions options, IBoardPort boards, HazardLogWriter log, Action<object>? observer)
    {
        _options = options;
        _system = ActorSystem.Create("hipecsafe", AkkaConfig);
        _observer = observer;
        Action<object> sink = OnPublished;
        var lockstep = options.Mode == ClockMode.Lockstep;
        var provider = ((ExtendedActorSystem)_system).Provider;
        var listener = lockstep
            ? new LockstepListener(provider.TempPath(), provider, sink)
            : _system.ActorOf(ActorFactory.Props(() => new CycleListener(sink)), "listener");
        _env = new ControllerEnvironment(options.Mode, options.CyclePeriod, options.Profile, listener);
        var gains = options.Gains;
        var plant = options.PlantModel;
        var parts = new ControllerParts(_env, boards, log, () => new ControlLaw(gains, plant), new PhaseMachine(options.Profile));
        var rootProps = ActorFactory.Props(() => new ControllerRoot(parts));
        _root = _system.ActorOf(lockstep ? rootProps.WithDispatcher(LockstepDispatcherId) : rootProps, "controller");
        // Actor creation is asynchronous: wait until the root has created its children and published their references.
        _root.Ask<AreYouReady>(AreYouReady.Instance, options.LockstepLivenessLimit).GetAwaiter().GetResult();
    }

    private void OnPublished(object message)
    {
        if (message is Health.RoundProgress progress)
        {
            // The watchdog began this round: the real-time clock may hand over the next tick (TickCoalescer).
            Volatile.Read(ref _clock)?.Taken(progress.Key);
        }

        _lockstep.OnMessage(message);
        if (message is CycleReport report)
        {
            CycleCompleted?.Invoke(report);
        }

        _observer?.Invoke(message);
    }

    /// <summary>Raised for every finished cycle (on the listener's thread).</summary>
    public event Action<CycleReport>? CycleCompleted;

    public ControllerOptions Options => _options;

    public long CyclesRun => _cycle + 1;

    public static ControllerRuntime Create(ControllerOptions options, IBoardPort boards, HazardLogWriter log, Action<object>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ControllerRuntime(options, boards, log, observer);
    }

    /// <summary>Lockstep: runs one cycle at the given procedure time and returns once the controller is idle again.</summary>
    public CycleReport? Step(TimeSpan time, DateTimeOffset wallClock)
    {
        if (_options.Mode != ClockMode.Lockstep)
        {
            throw new InvalidOperationException("Step drives lockstep runs; a real-time controller is driven by its clock");
        }

        var cycle = ++_cycle;
        _lockstep.Begin(cycle);
        IReadOnlySet<string> stalled = NoneStalled;
        if (_stalledUntil.Count > 0)
        {
            foreach (var done in _stalledUntil.Where(kv => kv.Value <= cycle).Select(kv => kv.Key).ToList())
            {
                _stalledUntil.Remove(done);
            }

            stalled = _stalledUntil.Keys.ToHashSet(StringComparer.Ordinal);
        }

        _env.Watchdog.Tell(new CycleTick(cycle, time, wallClock));
        return _lockstep.Wait(stalled, _options.LockstepLivenessLimit);
    }

    /// <summary>Real time: starts the clock thread; cycle n runs at n × period after start.</summary>
    public void StartRealTime()
    {
        if (_options.Mode != ClockMode.RealTime)
        {
            throw new InvalidOperationException("this controller was created for lockstep runs");
        }

        _realTimeStart = DateTimeOffset.UtcNow;
        // Coalesced ticks: a late clock or a busy controller skips cycles (logged as an overrun) instead of closing
        // health rounds back to back, which would fail components for nothing.
        var coalescing = new TickCoalescer(_options.CyclePeriod);
        var clock = new RealTimeCycleClock(_options.CyclePeriod, (cycle, due) =>
        {
            Interlocked.Exchange(ref _cycle, cycle);
            _env.Watchdog.Tell(new CycleTick(cycle, due, _realTimeStart + due));
        }, new RealTimeCycleClockOptions
        {
            Coalescing = coalescing,
            OnOverrun = o => _env.HazardLog.Tell(new LogEvent(Core.HazardLog.LogPriority.Medium, coalescing.DueOf(o.LoggedAtCycle),
                _realTimeStart + coalescing.DueOf(o.LoggedAtCycle), new Core.HazardLog.NoteEntry(o.Describe()))),
        });
        Volatile.Write(ref _clock, clock);
        clock.Start();
    }

    /// <summary>Tick lateness of the real-time clock so far (ms).</summary>
    public IReadOnlyList<double> ClockLatenessMs => _clock?.LatenessMs ?? [];

    /// <summary>Cycles the real-time clock skipped so far (late clock, busy controller), as overruns.</summary>
    public IReadOnlyList<CycleOverrun> ClockOverruns => _clock?.Overruns ?? [];

    internal RealTimeCycleClock? RealTimeClock => _clock;

    /// <summary>Sends an operator command and waits for the device's answer (accepted, or refused with its reason).</summary>
    public OperatorReply Command(OperatorAction action) =>
        _env.Supervisor.Ask<OperatorReply>(new OperatorCommand(action), _options.LockstepLivenessLimit).GetAwaiter().GetResult();

    /// <summary>Fault injection into a controller actor (crash or stall), for armed rigs and tests.</summary>
    public void Inject(string component, object fault)
    {
        var target = TargetOf(component);
        switch (fault)
        {
            case InjectCrash:
                var before = _lockstep.CrashesHandled;
                target.Tell(fault);
                if (_options.Mode == ClockMode.Lockstep)
                {
                    _lockstep.WaitForCrashHandled(before, _options.LockstepLivenessLimit);
                }

                break;
            case InjectStall stall:
                if (_options.Mode == ClockMode.Lockstep)
                {
                    // Mirrors MonitoredActor: silent until the ping whose key reaches the last key + the stall in cycles.
                    _stalledUntil[component] = Math.Max(_cycle, 0) + (long)Math.Ceiling(stall.Duration / _options.CyclePeriod);
                }

                target.Tell(fault);
                break;
            default:
                throw new ArgumentException($"unknown controller fault {fault.GetType().Name}; use InjectCrash or InjectStall", nameof(fault));
        }
    }

    private IActorRef TargetOf(string component) => component switch
    {
        ComponentNames.Supervisor => _env.Supervisor,
        ComponentNames.ControlLoop => _env.ControlLoop,
        ComponentNames.Interlocks => _env.Interlocks,
        ComponentNames.Watchdog => _env.Watchdog,
        ComponentNames.Alarms => _env.Alarms,
        ComponentNames.HazardLog => _env.HazardLog,
        ComponentNames.BoardBus => _env.BoardBus,
        _ => throw new ArgumentException($"no controller component '{component}' (known: {string.Join(", ", ComponentNames.All)})", nameof(component)),
    };

    /// <summary>Writes every buffered hazard-log record to disk.</summary>
    public bool FlushLog() =>
        _env.HazardLog.Ask<LogFlushed>(new FlushLog(), _options.LockstepLivenessLimit).GetAwaiter().GetResult().Ok;

    public void Dispose()
    {
        _clock?.Dispose();
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        _system.Dispose();
    }
}

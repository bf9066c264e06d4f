using Akka.Actor;
using Akka.Configuration;
using HipecSafe.Controller.Actors;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.Faults;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Controller.Logging;
using HipecSafe.Controller.Operations;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;

namespace HipecSafe.Controller;

/// <summary>
/// The controller as a whole: its actor system, driven either by a real-time clock thread or, in lockstep, one
/// <see cref="Step"/> at a time by a simulation driver, which gets control back only when the controller is idle.
/// Both drive the same actors and the same decision units with the same messages: a tick to the watchdog, and the
/// cycle's deadline to the gate.
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

    private readonly ControllerOptions _options;
    private readonly ActorSystem _system;
    private readonly ControllerEntry _entry;
    private readonly HazardLogPump _logPump;
    private readonly LockstepMonitor _lockstep = new();
    private readonly Action<object>? _observer;
    private RealTimeCycleClock? _clock;
    private long _cycle = -1;
    private int _disposed;

    private ControllerRuntime(ControllerOptions options, IBoardPort boards, HazardLogWriter log, Action<object>? observer)
    {
        _options = options;
        _logPump = new HazardLogPump(log, options.EffectiveLogPump);
        _system = ActorSystem.Create("hipecsafe", AkkaConfig);
        _observer = observer;
        Action<object> sink = OnPublished;
        var lockstep = options.Mode == ClockMode.Lockstep;
        var provider = ((ExtendedActorSystem)_system).Provider;
        var listener = lockstep
            ? new LockstepListener(provider.TempPath(), provider, sink)
            : _system.ActorOf(ActorFactory.Props(() => new CycleListener(sink)), "listener");
        // Whatever holds a component back says so on the event stream; the lockstep driver must not wait for it.
        _system.EventStream.Subscribe(listener, typeof(ComponentSuspended));
        _system.EventStream.Subscribe(listener, typeof(StallAbsorbed));
        var profile = options.Profile;
        var procedure = new ProcedureStep(profile, new ControlLaw(options.Gains, options.PlantModel), options.CyclePeriod, ComponentNames.ControlLoop);
        var parts = new ControllerParts(options.Mode, boards, _logPump, procedure, new SafetyGate(profile.Limits), listener, options.Decorator, options.Resume);
        var rootProps = ActorFactory.Props(() => new ControllerRoot(parts));
        var root = _system.ActorOf(lockstep ? rootProps.WithDispatcher(ControllerTopology.LockstepDispatcher) : rootProps, "controller");
        // Actor creation is asynchronous: wait until the root has created and wired its children.
        _entry = root.Ask<ControllerEntry>(AreYouReady.Instance, options.LockstepLivenessLimit).GetAwaiter().GetResult();
    }

    private void OnPublished(object message)
    {
        if (message is CycleStarted started)
        {
            // The bus began this cycle's reads: the real-time clock may hand over the next tick (TickCoalescer).
            Volatile.Read(ref _clock)?.Taken(started.Cycle);
        }

        _lockstep.OnMessage(message);
        if (message is CycleReport report)
        {
            CycleCompleted?.Invoke(report);
        }
        else if (message is AlarmsAnnounced announced)
        {
            AlarmsAnnounced?.Invoke(announced);
        }

        _observer?.Invoke(message);
    }

    /// <summary>Raised for every finished cycle (on the listener's thread).</summary>
    public event Action<CycleReport>? CycleCompleted;

    /// <summary>
    /// Raised when the alarm system annunciates outside a cycle report: a component failed by the watchdog, told to
    /// the alarms directly while the gate or the bus may hang (on the listener's thread).
    /// </summary>
    public event Action<AlarmsAnnounced>? AlarmsAnnounced;

    public ControllerOptions Options => _options;

    public long CyclesRun => _cycle + 1;

    /// <summary>The actor system, for a rig that injects faults into the components it decorated.</summary>
    public ActorSystem System => _system;

    public static ControllerRuntime Create(ControllerOptions options, IBoardPort boards, HazardLogWriter log, Action<object>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(log);
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
        var tick = new CycleTick(cycle, time, wallClock);
        _entry.Watchdog.Tell(tick);
        // Everything the tick set off has run on this thread by now: the deadline finds the gate either done or still
        // waiting for a control lane that did not answer.
        _entry.Interlocks.Tell(new CycleDeadline(tick));
        return _lockstep.Wait(_options.LockstepLivenessLimit);
    }

    /// <summary>Lockstep: waits until the root has passed on one more crash than <paramref name="before"/> (see <see cref="CrashesHandled"/>).</summary>
    public void WaitForCrashHandled(int before) => _lockstep.WaitForCrashHandled(before, _options.LockstepLivenessLimit);

    /// <summary>Crashes the root has passed on to the decision units so far.</summary>
    public int CrashesHandled => _lockstep.CrashesHandled;

    /// <summary>Real time: starts the clock thread; cycle n runs at n × period after start, its gate deadline within it.</summary>
    public void StartRealTime()
    {
        if (_options.Mode != ClockMode.RealTime)
        {
            throw new InvalidOperationException("this controller was created for lockstep runs");
        }

        // Coalesced ticks: a late clock or a busy controller skips cycles (logged as an overrun) instead of closing
        // health rounds back to back, which would fail components for nothing.
        var coalescing = new TickCoalescer(_options.CyclePeriod);
        var wallClock = _options.WallClock;
        CycleTick? last = null; // the clock thread's own: the deadline carries its tick's times
        var clock = new RealTimeCycleClock(_options.CyclePeriod, (cycle, due) =>
        {
            Interlocked.Exchange(ref _cycle, cycle);
            // Procedure time is the cycle's due time on the monotonic clock; the wall clock is read, never computed
            // from it, so the log shows a wall-clock step where it happened and no timer sees it.
            last = new CycleTick(cycle, due, wallClock.GetUtcNow());
            _entry.Watchdog.Tell(last);
        }, new RealTimeCycleClockOptions
        {
            Coalescing = coalescing,
            Deadline = _options.EffectiveGateDeadline,
            OnDeadline = (cycle, due) => _entry.Interlocks.Tell(new CycleDeadline(
                last is { } tick && tick.Cycle == cycle ? tick : new CycleTick(cycle, due, wallClock.GetUtcNow()))),
            OnOverrun = o => _entry.HazardLog.Tell(new LogEvent(LogPriority.Medium, coalescing.DueOf(o.LoggedAtCycle),
                wallClock.GetUtcNow(), new NoteEntry(o.Describe()))),
        });
        Volatile.Write(ref _clock, clock);
        clock.Start();
    }

    /// <summary>Tick lateness of the real-time clock so far (ms).</summary>
    public IReadOnlyList<double> ClockLatenessMs => _clock?.LatenessMs ?? [];

    /// <summary>Cycles the real-time clock skipped so far (late clock, busy controller), as overruns.</summary>
    public IReadOnlyList<CycleOverrun> ClockOverruns => _clock?.Overruns ?? [];

    internal RealTimeCycleClock? RealTimeClock => _clock;

    /// <summary>
    /// Sends an operator command; the answer (accepted, or refused with its reason) comes when the device has acted on
    /// it: alarm commands at once, procedure commands in the next cycle. In lockstep, step the controller to get it.
    /// </summary>
    public Task<OperatorReply> Submit(OperatorAction action)
    {
        var target = action is OperatorAction.AcknowledgeAlarms or OperatorAction.PauseAudio ? _entry.Alarms : _entry.ControlLoop;
        return target.Ask<OperatorReply>(new OperatorCommand(action), _options.LockstepLivenessLimit + _options.CyclePeriod * 2);
    }

    /// <summary>Real time: sends an operator command and waits for the device's answer (within two cycles as a rule).</summary>
    public OperatorReply Command(OperatorAction action)
    {
        if (_options.Mode == ClockMode.Lockstep)
        {
            throw new InvalidOperationException(
                "in lockstep an operator command is answered in the next cycle: Submit it, Step the controller, then read the reply");
        }

        return Submit(action).GetAwaiter().GetResult();
    }

    /// <summary>The hazard-log actor, for a test that plays a component handing it a record.</summary>
    internal IActorRef HazardLogActor => _entry.HazardLog;

    /// <summary>Records waiting for the hazard-log writer thread (0 inline).</summary>
    public int LogRecordsWaiting => _logPump.Waiting;

    /// <summary>Writes every buffered hazard-log record to disk.</summary>
    public bool FlushLog() =>
        _entry.HazardLog.Ask<LogFlushed>(new FlushLog(), _options.LockstepLivenessLimit).GetAwaiter().GetResult().Ok;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _clock?.Dispose();
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        _system.Dispose();
        // After the actors: whatever they handed over is written before the host seals or closes the log.
        _logPump.Dispose();
    }
}

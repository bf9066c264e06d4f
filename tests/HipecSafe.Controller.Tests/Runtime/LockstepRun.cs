using HipecSafe.Controller.Clock;
using System.Collections.Concurrent;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Operations;
using HipecSafe.Controller.Tests.HazardLogging;
using HipecSafe.Controller.Topology;
using HipecSafe.Core.HazardLog;
using HipecSafe.Hil.ControllerFaults;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// The whole controller in lockstep over a <see cref="ScriptedBoardPort"/>, with a real hazard-log file in a temp
/// directory of its own. Cycle n runs at procedure time (n + 1) × period, and at wall-clock time <see cref="Epoch"/> +
/// procedure time + <see cref="WallClockOffset"/> (a test steps the wall clock by changing it). The log header's time comes from a manual
/// clock and its id is fixed, so two runs with the same script write the same bytes. Operator commands go in as the
/// device takes them: submitted, then answered by the control lane in the next cycle (<see cref="Press"/>). Built with
/// <c>faultInjection</c>, every component is hosted for the rig's crash and stall injection (<see cref="Crash"/>,
/// <see cref="Stall"/>); without it the controller is built exactly as the device builds it.
/// </summary>
internal sealed class LockstepRun : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _dir;
    private readonly List<CycleReport?> _reports = [];
    private readonly ConcurrentQueue<object> _published = new();
    private bool _disposed;

    /// <param name="profile">The treatment profile (default: <see cref="TestProfiles.ShortPriming"/>).</param>
    /// <param name="port">The boards (default: healthy scripted boards).</param>
    /// <param name="faultInjection">Host every component for the rig's crash and stall injection.</param>
    /// <param name="decorator">Wrap each component's actor (when not injecting faults).</param>
    /// <param name="logFileSystem">Where the hazard log lives (default: a temp directory on disk).</param>
    /// <param name="logPump">How records reach the writer (default: inline, as lockstep runs do).</param>
    public LockstepRun(TreatmentProfile? profile = null, ScriptedBoardPort? port = null, bool faultInjection = false, IComponentDecorator? decorator = null,
        IHazardLogFileSystem? logFileSystem = null, HazardLogPumpOptions? logPump = null)
    {
        Profile = profile ?? TestProfiles.ShortPriming;
        Port = port ?? new ScriptedBoardPort();
        _dir = Directory.CreateTempSubdirectory("hipecsafe-runtime-");
        LogPath = Path.Combine(_dir.FullName, "hazard.jsonl");
        Log = HazardLogWriter.Open(new HazardLogWriterOptions(LogPath, "HIPEC-RT-TEST", Profile.Name)
        {
            TimeProvider = new ManualTimeProvider(),
            NewLogId = () => "runtime-test",
            FileSystem = logFileSystem ?? PhysicalHazardLogFileSystem.Instance,
        });
        var options = new ControllerOptions(Profile, ClockMode.Lockstep) { LogPump = logPump };
        Faults = faultInjection ? new ControllerFaultInjection(ClockMode.Lockstep, options.CyclePeriod) : null;
        Runtime = ControllerRuntime.Create(options with { Decorator = Faults ?? decorator }, Port, Log, _published.Enqueue);
        Faults?.Attach(Runtime);
    }

    /// <summary>The rig's fault injection, when the run was built with it.</summary>
    public ControllerFaultInjection? Faults { get; }

    public TreatmentProfile Profile { get; }

    public ScriptedBoardPort Port { get; }

    public HazardLogWriter Log { get; }

    public ControllerRuntime Runtime { get; }

    public string LogPath { get; }

    public TimeSpan Period => Runtime.Options.CyclePeriod;

    /// <summary>Report of each cycle run so far, by cycle number (null: the cycle stopped at a stalled actor).</summary>
    public IReadOnlyList<CycleReport?> Reports => _reports;

    public CycleReport? Last => _reports.Count == 0 ? null : _reports[^1];

    /// <summary>Added to the wall clock of every cycle from the next one on: a step of the wall clock (NTP, RTC fault).</summary>
    public TimeSpan WallClockOffset { get; set; }

    /// <summary>The cycle the next <see cref="Step"/> will run.</summary>
    public long NextCycle => Runtime.CyclesRun;

    /// <summary>Everything the controller published to its listener (reports, round progress, stall and crash notices).</summary>
    public IReadOnlyList<object> Published => _published.ToList();

    public static TimeSpan TimeOf(long cycle, TimeSpan period) => period * (cycle + 1);

    public CycleReport? Step()
    {
        var cycle = Runtime.CyclesRun;
        Port.Cycle = cycle;
        var time = TimeOf(cycle, Period);
        var report = Runtime.Step(time, Epoch + time + WallClockOffset);
        _reports.Add(report);
        return report;
    }

    public void Steps(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Step();
        }
    }

    /// <summary>Steps until a cycle's report satisfies <paramref name="done"/>; fails the test after <paramref name="maxCycles"/>.</summary>
    public CycleReport StepUntil(Func<CycleReport, bool> done, int maxCycles, string what)
    {
        for (var i = 0; i < maxCycles; i++)
        {
            if (Step() is { } report && done(report))
            {
                return report;
            }
        }

        Assert.Fail($"{what}: not reached within {maxCycles} cycles (last phase {Last?.Phase.ToString() ?? "no report"}, " +
                    $"trips [{string.Join(", ", Last?.ActiveTrips ?? [])}], causes [{string.Join("; ", Last?.LatchedCauses ?? [])}])");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Submits an operator command; a procedure command is answered in the next <see cref="Step"/>.</summary>
    public Task<OperatorReply> Submit(OperatorAction action) => Runtime.Submit(action);

    /// <summary>Submits a command, runs one cycle (the control lane takes it there) and returns the device's answer.</summary>
    public OperatorReply Press(OperatorAction action)
    {
        var reply = Submit(action);
        Step();
        return Answer(reply);
    }

    /// <summary>The answer to a submitted command, once the cycle that took it has run.</summary>
    public OperatorReply Answer(Task<OperatorReply> reply)
    {
        Assert.True(reply.IsCompleted, "the command was not answered in the cycle that took it");
        return reply.GetAwaiter().GetResult();
    }

    /// <summary><see cref="Press"/>, and the command must be accepted.</summary>
    /// <summary>
    /// In ReadyForChemo: circulates for the profile's leak-check time (the reservoir holds steady on the scripted
    /// board), then confirms the leak check (SRS-PH-006).
    /// </summary>
    public void ConfirmLeakCheck()
    {
        Steps((int)(Profile.LeakCheck.SteadyFor.ToTimeSpan() / Period) + 1);
        Accept(OperatorAction.ConfirmLeakCheck);
    }

    public void Accept(OperatorAction action)
    {
        var reply = Press(action);
        Assert.True(reply.Accepted, $"{action} was refused: {reply.RefusalReason}");
    }

    /// <summary>Crashes a component (its actor is killed and restarted); returns once the root has passed the crash on.</summary>
    public void Crash(string component, string reason = "test") => FaultsOrFail.Crash(component, reason);

    /// <summary>Stalls a component for <paramref name="duration"/> (its messages are held back for that many cycles).</summary>
    public void Stall(string component, TimeSpan duration) => FaultsOrFail.Stall(component, duration);

    private ControllerFaultInjection FaultsOrFail =>
        Faults ?? throw new InvalidOperationException("build the LockstepRun with faultInjection: true to crash or stall a component");

    /// <summary>Power-on self-test passes on the healthy boards: Standby.</summary>
    public CycleReport ToStandby() => StepUntil(r => r.Phase == Phase.Standby, 20, "Standby after the self-test");

    public CycleReport ToPriming()
    {
        ToStandby();
        Accept(OperatorAction.StartPriming);
        return StepUntil(r => r.Phase == Phase.Priming && r.Command.PumpSpeedRpm > 0, 20, "Priming with the pump running");
    }

    /// <summary>Priming, then Heating with the heater actually commanded on (the scripted inflow stays at 37 °C).</summary>
    public CycleReport ToHeating()
    {
        ToPriming();
        // The dry set's air passes the detector first (SRS-PH-026); the air-free priming time counts after it.
        var primingCycles = (int)((ScriptedBoardPort.PrimingAirTime + Profile.PrimingMinimum.ToTimeSpan()) / Period) + 20;
        StepUntil(r => r.Phase == Phase.Heating, primingCycles, "Heating after priming");
        return StepUntil(r => r.Command.HeaterEnabled && r.Command.HeaterPowerPermille > 0, 20, "heater commanded on while Heating");
    }

    /// <summary>Every record of the hazard log file, after flushing; the chain must verify intact.</summary>
    public List<HazardLogRecord> Records()
    {
        Assert.True(Runtime.FlushLog(), "the hazard log could not be flushed");
        var records = new List<HazardLogRecord>();
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var result = HazardLogVerifier.Verify(stream, records.Add);
        Assert.True(result.Status == VerificationStatus.Intact, result.Describe());
        return records;
    }

    public byte[] LogBytes()
    {
        Assert.True(Runtime.FlushLog(), "the hazard log could not be flushed");
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public List<T> Entries<T>() where T : HazardLogEntry => Records().Select(r => r.Entry).OfType<T>().ToList();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Runtime.Dispose();
        Log.Dispose();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail the test that produced it.
        }
    }
}

/// <summary>Profiles for runtime tests, validated through the loader like any profile file.</summary>
internal static class TestProfiles
{
    private static readonly Lazy<TreatmentProfile> LazyShort = new(() =>
    {
        const string priming = "priming_min: 30s";
        const string leakCheck = "steady_for: 60s";
        var text = ProfileLoader.EmbeddedDefaultText;
        Assert.Contains(priming, text, StringComparison.Ordinal);
        Assert.Contains(leakCheck, text, StringComparison.Ordinal);
        text = text.Replace(priming, "priming_min: 10s", StringComparison.Ordinal).Replace(leakCheck, "steady_for: 30s", StringComparison.Ordinal);
        return ProfileLoader.Parse(text, "runtime-tests");
    });

    private static readonly Lazy<TreatmentProfile> LazyShortChemo = new(() =>
    {
        var text = ProfileLoader.EmbeddedDefaultText;
        foreach (var (from, to) in new[]
                 {
                     ("priming_min: 30s", "priming_min: 10s"), ("steady_for: 60s", "steady_for: 30s"), ("chemo: 90m", "chemo: 30m"),
                     ("washout: 10m", "washout: 1m"),
                 })
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return ProfileLoader.Parse(text, "runtime-tests-short-chemo");
    });

    /// <summary>
    /// The default profile with the shortest priming and leak check the hard bounds allow (10 s = 100 cycles, 30 s =
    /// 300 cycles).
    /// </summary>
    public static TreatmentProfile ShortPriming => LazyShort.Value;

    /// <summary>Shortest priming and leak check, and the shortest chemo (30 min) and washout (1 min) the hard bounds allow.</summary>
    public static TreatmentProfile ShortChemo => LazyShortChemo.Value;
}

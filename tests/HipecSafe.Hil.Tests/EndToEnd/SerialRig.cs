using System.Diagnostics;
using System.Globalization;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Transport;
using HipecSafe.DeviceHost;
using HipecSafe.Hil.RealTime;
using HipecSafe.Hil.Rig;
using Xunit.Abstractions;

namespace HipecSafe.Hil.Tests.EndToEnd;

/// <summary>
/// The real-time rig as a user sets it up: a socat pty pair, the emulated boards on one end (warm-start plant) and
/// the controller on the other, in its own temp folder. <see cref="RunUntil"/> reads the controller's cycle reports
/// in order, lets the real-time operator act on each (as <c>run --auto</c> does), and stops at a condition.
/// Everything is torn down in <see cref="Dispose"/>, socat last.
/// </summary>
internal sealed class SerialRig : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly TempDirectory _dir = new();
    private readonly PtyPair _pty;
    private readonly RealTimeOperator _operator = new(TreatmentProfile.Default);
    private readonly string _logPath;
    private Phase? _phase;

    public SerialRig(ITestOutputHelper output, int seed)
    {
        _output = output;
        _logPath = _dir.File("hazard.log");
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
        try
        {
            WarmUp(seed);
            _pty = new PtyPair(_dir.Path);
            Boards = new RealTimeBoards(new RealTimeBoardsOptions(new SerialPortOptions(_pty.BoardsEnd)) { Seed = seed, Plant = PlantPresets.WarmStart });
            Controller = new SerialDevice(new SerialDeviceOptions(new SerialPortOptions(_pty.ControllerEnd), TreatmentProfile.Default, _logPath));
            Boards.Stepped += _ => Changes.PulseWithoutBlocking();
            Controller.Runtime.CycleCompleted += r =>
            {
                NoteHeartbeat(r);
                Changes.Pulse();
            };
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public RealTimeBoards Boards { get; } = null!;

    public SerialDevice Controller { get; } = null!;

    /// <summary>Phases in the order the reports showed them.</summary>
    public List<Phase> Phases { get; } = [];

    public CycleReport? Last { get; private set; }

    /// <summary>Pulsed at every board step and every finished controller cycle: whatever a test awaits can have changed.</summary>
    public ChangeSignal Changes { get; } = new();

    /// <summary>Waits until <paramref name="condition"/> holds, checking it at each board step and cycle report; fails after the hang guard.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan hangGuard, Func<string> awaited) =>
        Changes.Until(condition, hangGuard, () => $"{awaited()}; {Timing}");

    /// <summary>
    /// Starts the boards, then the controller once the boards have stepped a few times. The code of both sides has
    /// been compiled by a short lockstep run first (<see cref="WarmUp"/>): a device starts on compiled code, while a
    /// cold test host would spend the first cycles in the JIT compiler — on two CPUs long enough for the controller's
    /// health watchdog to miss three pings and latch SafeState in the self-test.
    /// </summary>
    public void Start()
    {
        Boards.Start();
        WaitUntil(() => Boards.Snapshot.Steps >= 10, TimeSpan.FromSeconds(30), () => "the boards' first steps");
        WarmUpSerialPath();
        Controller.Start();
    }

    /// <summary>
    /// The lockstep warm-up cannot compile the serial path (System.IO.Ports on both ends, the port reader threads,
    /// the Modbus master over a real port, the slave runner): read both boards a few times through the controller's
    /// own master before its clock starts. Cold, on a loaded machine, the first replies of a run took longer than the
    /// 50 ms response timeout three times in a row, and IL-BUS-SENSOR/ACTUATOR latched SafeState in the self-test.
    /// Failures here are not asserted: the controller's first cycles judge the bus.
    /// </summary>
    private void WarmUpSerialPath()
    {
        var sensors = new SensorBoardClient(Controller.Master);
        var actuators = new ActuatorBoardClient(Controller.Master);
        for (var i = 0; i < 5; i++)
        {
            _ = sensors.Read();
            _ = actuators.ReadFeedback();
        }
    }

    /// <summary>Runs the same controller, plant and board code in lockstep for a few simulated seconds (self-test to priming).</summary>
    private void WarmUp(int seed)
    {
        using var rig = new SimulationRig(new RigOptions(TreatmentProfile.Default, seed, _dir.File("warm-up.log")) { Plant = PlantPresets.WarmStart });
        var op = new AutoOperator(TreatmentProfile.Default);
        for (var i = 0; i < 30; i++)
        {
            rig.Step();
            op.Act(rig);
        }
    }

    /// <summary>
    /// Consumes reports (operating on each) until <paramref name="done"/> holds for one, waiting on the report queue
    /// itself between them; fails after the hang guard.
    /// </summary>
    public CycleReport RunUntil(Func<CycleReport, bool> done, TimeSpan hangGuard, string what)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            while (Controller.Reports.TryRead(out var report))
            {
                Last = report;
                if (report.Phase != _phase)
                {
                    _phase = report.Phase;
                    Phases.Add(report.Phase);
                    Log($"phase {report.Phase}: {ControllerStatusLine.Of(report)}");
                    Log($"  boards: {StatusLines.Boards(Boards.Snapshot)}");
                }

                if (done(report))
                {
                    return report;
                }

                foreach (var reply in _operator.Act(Controller.Runtime, report))
                {
                    Log($"operator: {reply}");
                }
            }

            Assert.Null(Boards.Fault);
            var left = hangGuard - started.Elapsed;
            if (left <= TimeSpan.Zero || !ReportWaiting(left))
            {
                Assert.Fail($"still waiting after {hangGuard.TotalSeconds:0} s (hang guard) for {what}; last cycle: {(Last is null ? "none" : ControllerStatusLine.Of(Last))}; boards: {StatusLines.Boards(Boards.Snapshot)}; {Timing}");
            }
        }
    }

    /// <summary>Blocks until a report is queued (true) or the time is up (false); a completed queue (the controller stopped) is a failure.</summary>
    private bool ReportWaiting(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            var more = Controller.Reports.WaitToReadAsync(timer.Token).AsTask().GetAwaiter().GetResult();
            Assert.True(more, "the controller stopped: its report queue was completed");
            return true;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// What the wall clock did to the rig and what the controller logged as High priority: a latch nobody injected
    /// (a heartbeat withheld for a late component, a bus timeout on an overloaded machine) is explained by these.
    /// </summary>
    public string Timing
    {
        get
        {
            var latch = Boards.LatchSnapshot;
            var latched = Boards.Snapshot.PowerOnHold ? "board still in its power-on safe hold"
                : latch is null ? "board not latched"
                : $"board latched at {latch.Time.TotalMilliseconds:0} ms with the heartbeat unchanged since {latch.LastHeartbeatChangeAt?.TotalMilliseconds:0} ms";
            return string.Create(CultureInfo.InvariantCulture,
                $"{latched}; boards {Boards.Scheduling}; controller cycles skipped {Controller.Runtime.ClockOverruns.Sum(o => o.Cycles)} in {Controller.Runtime.ClockOverruns.Count} overruns; longest heartbeat gap {Boards.LongestHeartbeatGap.TotalMilliseconds:0} ms; board steps up to {Boards.MaxStepLatenessMs:0} ms late; controller ticks up to {(Controller.Runtime.ClockLatenessMs is { Count: > 0 } l ? l.Max() : 0):0} ms late; load average {LoadAverage()}; thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} items queued; last cycle reports: {RecentCycles()}; hazard log High: {HighPriorityRecords()}");
        }
    }

    // The last cycles as the heartbeat saw them (on the listener's thread): a board latch nobody injected is
    // explained by the cycles before it — which ones wrote no heartbeat, and whether a write failed.
    private readonly Queue<string> _recentCycles = new();

    private void NoteHeartbeat(CycleReport r)
    {
        var note = r.HeartbeatWritten ? $"{r.Tick.Cycle}" : $"{r.Tick.Cycle} no heartbeat{(r.WriteFailure is { } f ? $" ({f})" : "")}";
        lock (_recentCycles)
        {
            _recentCycles.Enqueue(note);
            if (_recentCycles.Count > 12)
            {
                _recentCycles.Dequeue();
            }
        }
    }

    private string RecentCycles()
    {
        lock (_recentCycles)
        {
            return string.Join(", ", _recentCycles);
        }
    }

    private string HighPriorityRecords()
    {
        try
        {
            Controller.Runtime.FlushLog();
            using var reader = new StreamReader(new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var high = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Contains("\"priority\":\"High\"", StringComparison.Ordinal))
                {
                    var fields = line.IndexOf("\"kind\"", StringComparison.Ordinal);
                    var end = line.IndexOf(",\"prev\"", StringComparison.Ordinal);
                    high.Add(fields >= 0 && end > fields ? line[fields..end] : line);
                }
            }

            return high.Count == 0 ? "none" : string.Join(" / ", high.Take(4));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            return $"(unreadable: {e.Message})";
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} CPUs" : "unknown";

    public void Log(string line) => _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Boards?.Now.TotalSeconds,8:0.000} s  {line}"));

    public void Dispose()
    {
        // Controller first: its last writes need the boards still answering; socat last: both ports must be closed.
        Controller?.Dispose();
        Boards?.Dispose();
        _pty?.Dispose();
        _dir.Dispose();
    }
}

using System.Threading.Channels;
using HipecSafe.Controller;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Operations;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;

namespace HipecSafe.DeviceHost;

/// <summary>
/// The controller in real time on a serial port — what the device runs and what an integrator embeds:
/// <see cref="SerialPortTransport"/> → <see cref="ModbusRtuMaster"/> → <see cref="ModbusBoardPort"/>, a
/// <see cref="HazardLogWriter"/>, and <see cref="ControllerRuntime"/> driven by its real-time cycle clock. Cycle reports
/// are queued for one reader (a display, an operator console) so the controller's listener never waits for it.
/// </summary>
public sealed class SerialDevice : IDisposable
{
    // A reader that falls behind loses the oldest reports, never delays the controller.
    private const int ReportQueueCapacity = 256;

    private readonly SerialPortTransport _transport;
    private readonly HazardLogWriter _log;
    private readonly Channel<CycleReport> _reports = Channel.CreateBounded<CycleReport>(
        new BoundedChannelOptions(ReportQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private CycleReport? _latest;
    private bool _stopped;
    private bool _disposed;

    /// <summary>
    /// Opens the port (a <see cref="SerialPortOpenException"/> names it and the reason) and the hazard log, and builds
    /// the controller; its clock starts with <see cref="Start"/>.
    /// </summary>
    public SerialDevice(SerialDeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _transport = new SerialPortTransport(options.Port);
        ProcedureResume? resume = null;
        try
        {
            Master = new ModbusRtuMaster(_transport, new ModbusMasterOptions
            {
                ResponseTimeout = options.ResponseTimeout,
                Timing = new SerialLineTiming(options.Port.BaudRate),
            });
            _log = HazardLogWriter.Open(new HazardLogWriterOptions(options.HazardLogPath, options.DeviceId, options.Profile.Name)
            {
                TimeProvider = options.WallClock,
            });
            if (options.PreviousRunLog is { } previous)
            {
                (var finding, resume) = DeviceHost.PreviousRunLog.Examine(previous);
                if (finding is not null)
                {
                    // Before anything of this run: the last run did not end cleanly, or its log is not what it was.
                    _log.Append(LogPriority.High, _log.LastProcedureTime, options.WallClock.GetUtcNow(), finding);
                }

                if (resume is not null)
                {
                    // Where the procedure is taken over from; the run's first checkpoint then carries the state itself.
                    _log.Append(LogPriority.High, _log.LastProcedureTime, options.WallClock.GetUtcNow(), new NoteEntry(
                        $"procedure taken over from {Path.GetFileName(previous)} (checkpoint seq {resume.CheckpointSequence}): " +
                        $"{resume.AlarmMessage}{(resume.Detail.Length > 0 ? "; " + resume.Detail : "")}"));
                    if (resume.ProfileId != options.Profile.Name)
                    {
                        // The persisted chemo clock is kept; the profile now in force sets the target. The operator must see that.
                        _log.Append(LogPriority.High, _log.LastProcedureTime, options.WallClock.GetUtcNow(), new FaultEntry("restart",
                            $"the interrupted procedure ran profile '{resume.ProfileId}', this run was started with '{options.Profile.Name}'"));
                    }
                }
            }
        }
        catch
        {
            _transport.Dispose();
            throw;
        }

        try
        {
            Runtime = ControllerRuntime.Create(
                new ControllerOptions(options.Profile, ClockMode.RealTime) { WallClock = options.WallClock, Resume = resume }, new ModbusBoardPort(Master), _log);
        }
        catch
        {
            _log.Dispose();
            _transport.Dispose();
            throw;
        }

        Runtime.CycleCompleted += report =>
        {
            Volatile.Write(ref _latest, report);
            _reports.Writer.TryWrite(report);
        };
    }

    public SerialDeviceOptions Options { get; }

    public ControllerRuntime Runtime { get; }

    public ModbusRtuMaster Master { get; }

    /// <summary>Cycle reports in order (the oldest are dropped if nobody reads).</summary>
    public ChannelReader<CycleReport> Reports => _reports.Reader;

    /// <summary>The last cycle's report, or null before the first.</summary>
    public CycleReport? Latest => Volatile.Read(ref _latest);

    /// <summary>Starts the real-time cycle clock.</summary>
    public void Start() => Runtime.StartRealTime();

    /// <summary>An operator command; answered when the device has acted on it (procedure commands: in the next cycle).</summary>
    public Task<OperatorReply> Submit(OperatorAction action) => Runtime.Submit(action);

    /// <summary>
    /// Ends the run and leaves the boards safe: stops the controller (clock and actors), writes the safe command once
    /// (heater relay open, power 0, pump stopped, clamp closed) with the heartbeat unchanged, and seals the hazard log
    /// (<see cref="HazardLogWriter.Seal"/>: a LogSealed record of the shutdown, on stable storage and anchored in the
    /// log's head file before this returns). The board obeys the command
    /// at once, and because the heartbeat no longer changes, its watchdog latches it SAFE 500 ms later; it stays latched
    /// until a controller releases the latch. Returns the bus failure when that last write did not get through (the
    /// watchdog latches the board anyway).
    /// </summary>
    public string? StopAndLeaveSafe(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (_stopped)
        {
            return null;
        }

        var last = Latest;
        StopController();
        var board = new ActuatorBoardClient(Master);
        var heartbeat = board.ReadHeld() is { IsSuccess: true } held ? held.Value.Heartbeat : last?.Feedback?.HeartbeatEcho ?? 0;
        var failure = board.Write(ActuatorCommand.Safe, heartbeat).Failure?.ToString();
        // The seal is the log's last record, on stable storage and anchored in its head before this returns.
        _log.Seal(failure is null
            ? $"controller stopped ({reason}): safe command written, heartbeat stopped"
            : $"controller stopped ({reason}): the final safe command did not reach the board ({failure}); heartbeat stopped, the board watchdog latches");
        return failure;
    }

    private void StopController()
    {
        _stopped = true;
        // Disposing stops the clock and the actors, then lets the log's writer thread write what they handed over (for
        // a bounded time). No flush is awaited here: on a hung disk it would hold up the safe command that follows;
        // the seal (or the writer's Dispose) syncs everything after it.
        Runtime.Dispose();
        _reports.Writer.TryComplete();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_stopped)
        {
            StopController();
        }

        _log.Dispose();
        _transport.Dispose();
    }
}

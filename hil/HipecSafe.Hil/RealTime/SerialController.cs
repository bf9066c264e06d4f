using HipecSafe.Controller.Clock;
using System.Threading.Channels;
using HipecSafe.Controller;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Actuators;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// The controller in real time on a serial port, as <c>hipecsafe run</c> runs it: <see cref="SerialPortTransport"/>
/// → <see cref="ModbusRtuMaster"/> → <see cref="ModbusBoardPort"/>, a <see cref="HazardLogWriter"/>, and
/// <see cref="ControllerRuntime"/> driven by its real-time cycle clock. Cycle reports are queued for one reader
/// (a display, an operator, a test) so the controller's listener never waits for it.
/// </summary>
public sealed class SerialController : IDisposable
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
    public SerialController(SerialControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _transport = new SerialPortTransport(options.Port);
        try
        {
            Master = new ModbusRtuMaster(_transport, new ModbusMasterOptions
            {
                ResponseTimeout = options.ResponseTimeout,
                Timing = new SerialLineTiming(options.Port.BaudRate),
            });
            _log = HazardLogWriter.Open(new HazardLogWriterOptions(options.HazardLogPath, options.DeviceId, options.Profile.Name));
        }
        catch
        {
            _transport.Dispose();
            throw;
        }

        try
        {
            Runtime = ControllerRuntime.Create(new ControllerOptions(options.Profile, ClockMode.RealTime), new ModbusBoardPort(Master), _log);
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

    public SerialControllerOptions Options { get; }

    public ControllerRuntime Runtime { get; }

    public ModbusRtuMaster Master { get; }

    /// <summary>Cycle reports in order (the oldest are dropped if nobody reads).</summary>
    public ChannelReader<CycleReport> Reports => _reports.Reader;

    /// <summary>The last cycle's report, or null before the first.</summary>
    public CycleReport? Latest => Volatile.Read(ref _latest);

    /// <summary>Starts the real-time cycle clock.</summary>
    public void Start() => Runtime.StartRealTime();

    /// <summary>
    /// Ends the run and leaves the boards safe: stops the controller (clock and actors), flushes the hazard log, then
    /// writes the safe command once (heater relay open, power 0, pump stopped, clamp closed) with the heartbeat
    /// unchanged. The board obeys at once, and because the heartbeat no longer changes, its watchdog latches it
    /// SAFE 500 ms later; it stays latched until a controller resets the latch (or the boards are restarted).
    /// Returns the bus failure when that last write did not get through (the watchdog latches the board anyway).
    /// </summary>
    public string? StopAndLeaveSafe()
    {
        if (_stopped)
        {
            return null;
        }

        StopController();
        var board = new ActuatorBoardClient(Master);
        var heartbeat = Master.ReadHoldingRegisters(board.Unit, ActuatorBoardRegisters.Heartbeat, 1) is { IsSuccess: true } read
            ? read.Value[0]
            : Latest?.Feedback?.HeartbeatEcho ?? 0;
        return board.Write(ActuatorCommand.Safe, heartbeat).Failure?.ToString();
    }

    private void StopController()
    {
        _stopped = true;
        try
        {
            Runtime.FlushLog();
        }
        finally
        {
            Runtime.Dispose();
            _reports.Writer.TryComplete();
        }
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

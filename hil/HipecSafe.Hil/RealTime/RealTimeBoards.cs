using HipecSafe.Controller.Clock;
using System.Collections.Concurrent;
using System.Diagnostics;
using HipecSafe.Controller;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;

namespace HipecSafe.Hil.RealTime;

/// <summary>
/// The plant, its sensor model and both board emulators in real time on one serial port: what a controller on the
/// other end of the cable sees as the two boards of docs/icd.md. A dedicated thread advances them in 50 ms steps
/// (the sensor board's 20 Hz) at scheduled times on a Stopwatch — a late step does not shift the ones after it, so
/// plant time stays wall-clock time — and both slaves answer on a <see cref="ModbusSlaveRunner"/> thread.
/// Each step is the lockstep rig's board step: actuator board (watchdog, limiter) → plant → limiter sensor →
/// publish the sensor sample and the actuator feedback.
/// </summary>
public sealed class RealTimeBoards : IDisposable
{
    /// <summary>One board step (the sensor board samples at 20 Hz).</summary>
    public static readonly TimeSpan StepPeriod = SensorBoardModel.SamplePeriod.ToTimeSpan();

    private static readonly Duration PlantStep = SensorBoardModel.SamplePeriod;
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(5);

    private readonly RealTimeBoardsOptions _options;
    private readonly SeverableTransport _line;
    private readonly ModbusRtuSlave _sensorSlave;
    private readonly ModbusRtuSlave _actuatorSlave;
    private readonly HeartbeatClock _heartbeats;
    private readonly LimiterTemperatureSensor _limiter;
    private readonly ConcurrentQueue<Action> _onBoardThread = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Stopwatch _clock = new();
    private readonly ManualResetEventSlim _running = new();
    private string _scheduling = "not started";
    private ModbusSlaveRunner? _runner;
    private Temperature _limiterReading;
    private BoardsSnapshot _snapshot;
    private BoardsSnapshot? _latchSnapshot;
    private TimeSpan? _latchedAt;
    private Exception? _fault;
    private double _maxLatenessMs;
    private bool _disposed;

    /// <summary>Opens the port (a <see cref="SerialPortOpenException"/> names it and says why it cannot be opened); nothing runs until <see cref="Start"/>.</summary>
    public RealTimeBoards(RealTimeBoardsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Plant.Validate();
        _options = options;
        Plant = new PerfusionPlant(options.Plant);
        SensorModel = new SensorBoardModel(options.Seed);
        _limiter = new LimiterTemperatureSensor(unchecked((options.Seed * 7919) + 1));
        SensorBoard = new SensorBoardEmulator();
        ActuatorBoard = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        _heartbeats = new HeartbeatClock(ActuatorBoard, () => _clock.Elapsed);
        var slaveOptions = new ModbusSlaveOptions { Timing = new SerialLineTiming(options.Port.BaudRate) };
        _sensorSlave = new ModbusRtuSlave(options.Addresses.SensorBoard, SensorBoard, slaveOptions);
        _actuatorSlave = new ModbusRtuSlave(options.Addresses.ActuatorBoard, _heartbeats, slaveOptions);
        _limiterReading = _limiter.Read(Plant.State);
        Publish(Plant.State);
        _latchedAt = ActuatorLogic.SafeLatched ? TimeSpan.Zero : null; // the power-on hold: latched from the start
        _thread = new Thread(Run) { IsBackground = true, Name = "hil boards " + options.Port.PortName };
        _line = new SeverableTransport(new SerialPortTransport(options.Port)); // last: nothing to undo if the port cannot be opened
        _snapshot = SnapshotOf(TimeSpan.Zero, 0, Plant.State, PlantInputs.Off);
    }

    /// <summary>Owned by the board thread once started: read it through <see cref="Snapshot"/>, change it through the methods here.</summary>
    internal PerfusionPlant Plant { get; }

    internal SensorBoardModel SensorModel { get; }

    public SensorBoardEmulator SensorBoard { get; }

    public ActuatorBoardEmulator ActuatorBoard { get; }

    /// <summary>The actuator board's protections (power-on hold, watchdog latch, limiter).</summary>
    public ActuatorBoardLogic ActuatorLogic => ActuatorBoard.Logic;

    public RealTimeBoardsOptions Options => _options;

    /// <summary>The latest step (the plant's truth, the board outputs and latches).</summary>
    public BoardsSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The step at which the watchdog latch last closed, or null while the board has not latched since it left its power-on hold.</summary>
    public BoardsSnapshot? LatchSnapshot => Volatile.Read(ref _latchSnapshot);

    /// <summary>The boards' clock: time since <see cref="Start"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The scheduling the board step thread got (e.g. "SCHED_FIFO priority 10").</summary>
    public string Scheduling => Volatile.Read(ref _scheduling);

    /// <summary>Largest lateness of a step against its schedule so far (ms).</summary>
    public double MaxStepLatenessMs => Volatile.Read(ref _maxLatenessMs);

    /// <summary>Longest time between two heartbeat changes from the master so far; over 500 ms, the watchdog latches.</summary>
    public TimeSpan LongestHeartbeatGap => _heartbeats.LongestGap;

    /// <summary>
    /// Raised on the board thread after every step with its snapshot, for whoever waits for the boards to change (a
    /// display, a test). Handlers must be short: the next step waits for them.
    /// </summary>
    public event Action<BoardsSnapshot>? Stepped;

    /// <summary>Why the boards stopped on their own (the port failed, or a step threw), or null while they run.</summary>
    public Exception? Fault => Volatile.Read(ref _fault) ?? _runner?.Fault;

    public ModbusSlaveStatistics SensorBoardStatistics => _sensorSlave.Statistics;

    public ModbusSlaveStatistics ActuatorBoardStatistics => _actuatorSlave.Statistics;

    /// <summary>Starts answering on the port and stepping the plant.</summary>
    public RealTimeBoards Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_clock.IsRunning)
        {
            throw new InvalidOperationException("the boards are already running");
        }

        _clock.Start();
        _thread.Start();
        _running.Wait();
        return this;
    }

    /// <summary>
    /// Fault injection, bus loss: from now on neither board hears the master nor answers it, as with a cut cable.
    /// The controller's writes, heartbeat included, stop arriving, so the actuator board's own watchdog latches it
    /// safe 500 ms after the last heartbeat change.
    /// </summary>
    public void CutBus() => _line.Severed = true;

    /// <summary>Reconnects the bus (the board stays latched until the controller resets its latch).</summary>
    public void RestoreBus() => _line.Severed = false;

    /// <summary>The operator opens or closes the abdominal drains (no actuator in the ICD: done by hand for Draining).</summary>
    public void SetAbdominalDrainOpen(bool open) => _onBoardThread.Enqueue(() => Plant.AbdominalDrainOpen = open);

    /// <summary>The operator exchanges the perfusate for saline at the reservoir (no actuator in the ICD: done by hand for Washout).</summary>
    public void StartSalineExchange(SalineExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        exchange.Validate();
        _onBoardThread.Enqueue(() => Plant.ExchangeForSaline(exchange));
    }

    private void Run()
    {
        // The boards stand for independent hardware with their own processors: on a machine shared with the
        // controller (and whatever else runs there) their step thread, which keeps the plant on wall-clock time and
        // runs the actuator board's watchdog, goes ahead of ordinary threads as far as the process may.
        var token = _stop.Token;
        try
        {
            try
            {
                Volatile.Write(ref _scheduling, RealTimeThreadScheduling.RaiseCurrentThread());
                _runner = new ModbusSlaveRunner(_line, _sensorSlave, _actuatorSlave).Start();
            }
            finally
            {
                _running.Set();
            }

            for (long step = 1; !token.IsCancellationRequested; step++)
            {
                var due = StepPeriod * step;
                var wait = due - _clock.Elapsed;
                if (wait > TimeSpan.Zero && token.WaitHandle.WaitOne(wait))
                {
                    return;
                }

                var lateness = (_clock.Elapsed - due).TotalMilliseconds;
                if (lateness > _maxLatenessMs)
                {
                    Volatile.Write(ref _maxLatenessMs, lateness);
                }

                Step(due, step);
            }
        }
#pragma warning disable CA1031 // any failure of a step ends the boards; it is reported through Fault, not lost on a background thread
        catch (Exception e)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _fault, e);
        }
    }

    private void Step(TimeSpan now, long step)
    {
        while (_onBoardThread.TryDequeue(out var change))
        {
            change();
        }

        var inputs = ActuatorBoard.Step(now, _limiterReading);
        Plant.Step(PlantStep, inputs);
        var state = Plant.State;
        _limiterReading = _limiter.Read(state);
        Publish(state);

        var latched = ActuatorLogic.SafeLatched;
        var first = latched && _latchedAt is null;
        _latchedAt = latched ? _latchedAt ?? now : null;
        var snapshot = SnapshotOf(now, step, state, inputs);
        if (first)
        {
            Volatile.Write(ref _latchSnapshot, snapshot);
        }

        Volatile.Write(ref _snapshot, snapshot);
        Stepped?.Invoke(snapshot);
    }

    private void Publish(in PlantState state)
    {
        SensorBoard.Publish(SensorModel.Sample(state));
        ActuatorBoard.Publish(state);
    }

    private BoardsSnapshot SnapshotOf(TimeSpan now, long step, in PlantState state, PlantInputs outputs)
    {
        var logic = ActuatorLogic;
        return new BoardsSnapshot(now, step, state, outputs, logic.SafeLatched, logic.LimiterTripped, logic.PowerOnHold,
            _heartbeats.LastChangeAt, _latchedAt, _line.Severed, Plant.AbdominalDrainOpen,
            _sensorSlave.Statistics.RequestsAnswered + _actuatorSlave.Statistics.RequestsAnswered);
    }

    /// <summary>Stops stepping and answering and closes the port. A controller on the other end then sees a dead bus.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        if (_thread.IsAlive)
        {
            _thread.Join(JoinTimeout);
        }

        _runner?.Dispose();
        _line.Dispose();
        _stop.Dispose();
        _running.Dispose();
    }
}

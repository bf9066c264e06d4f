using HipecSafe.Controller.Boards;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>One actuator write as the board saw it, stamped with the cycle the driver said was running.</summary>
internal sealed record BoardWrite(long Cycle, ActuatorCommand Command, ushort Heartbeat);

/// <summary>
/// An <see cref="IBoardPort"/> for runtime tests. The sensor board returns <see cref="Frame"/> with a sample counter
/// that advances on every read (unless frozen); the actuator board behaves like an obedient board — its feedback
/// mirrors the command last written — except for what the test scripts (latches, a motor fault, a runaway heater,
/// failed reads, a port that throws). Every write is recorded with its heartbeat and the driver's cycle number.
/// Thread-safe, because fault handling may touch it from a thread other than the driver's.
/// </summary>
internal sealed class ScriptedBoardPort : IBoardPort
{
    /// <summary>A calm patient before heating: every channel valid, flow at the default target, a full reservoir.</summary>
    public static SensorFrame HealthyFrame { get; } = new(
        SampleCounter: 0,
        ChannelFaultBits: 0,
        InflowA: Temperature.FromDegreesCelsius(37.0),
        InflowB: Temperature.FromDegreesCelsius(37.0),
        Outflow: Temperature.FromDegreesCelsius(36.5),
        Abdomen1: Temperature.FromDegreesCelsius(37.0),
        Abdomen2: Temperature.FromDegreesCelsius(37.0),
        Abdomen3: Temperature.FromDegreesCelsius(37.0),
        Abdomen4: Temperature.FromDegreesCelsius(37.0),
        Core: Temperature.FromDegreesCelsius(37.0),
        InflowPressure: Pressure.FromMillimetersOfMercury(120),
        Flow: VolumetricFlow.FromLitersPerMinute(2.0),
        ReservoirVolume: Volume.FromMilliliters(2000),
        AirDetected: false,
        AbdominalPressure: Pressure.FromMillimetersOfMercury(8));

    private readonly Lock _gate = new();
    private readonly List<BoardWrite> _writes = [];
    private SensorFrame _frame = HealthyFrame;
    private ActuatorCommand _held = ActuatorCommand.Safe;
    private ushort _heartbeat;
    private ushort _counter;
    private int _reads;
    private int _sensorFailures;
    private int _actuatorFailures;
    private int _latchResets;
    private long _cycle;
    private bool _freezeCounter;
    private bool _sensorReadFails;
    private bool _actuatorReadFails;
    private bool _watchdogLatched;
    private bool _limiterTripped;
    private bool _pumpMotorFault;
    private Temperature _limiterTemperature = Temperature.FromDegreesCelsius(37.0);
    private int? _heaterPowerActual;
    private Exception? _throwOnRead;
    private Exception? _throwOnWrite;
    private string? _writeFailure;
    private BoardReadout? _readoutOverride;

    /// <summary>The sensor sample returned by the next reads; its counter is replaced by the board's own.</summary>
    public SensorFrame Frame { get => Locked(() => _frame); set => Locked(() => _frame = value); }

    /// <summary>The cycle the driver is running; every write is stamped with it.</summary>
    public long Cycle { get => Locked(() => _cycle); set => Locked(() => _cycle = value); }

    /// <summary>The sensor board keeps returning the same sample counter (a frozen board).</summary>
    public bool FreezeSampleCounter { get => Locked(() => _freezeCounter); set => Locked(() => _freezeCounter = value); }

    public bool SensorReadFails { get => Locked(() => _sensorReadFails); set => Locked(() => _sensorReadFails = value); }

    public bool ActuatorReadFails { get => Locked(() => _actuatorReadFails); set => Locked(() => _actuatorReadFails = value); }

    /// <summary>board_status bit 0; cleared by a latch reset written with heater_enable = 0.</summary>
    public bool WatchdogLatched { get => Locked(() => _watchdogLatched); set => Locked(() => _watchdogLatched = value); }

    /// <summary>board_status bit 1; cleared by a latch reset once the limiter reads below 44 °C.</summary>
    public bool LimiterTripped { get => Locked(() => _limiterTripped); set => Locked(() => _limiterTripped = value); }

    public Temperature LimiterTemperature { get => Locked(() => _limiterTemperature); set => Locked(() => _limiterTemperature = value); }

    /// <summary>board_status bit 5, as long as it is set.</summary>
    public bool PumpMotorFault { get => Locked(() => _pumpMotorFault); set => Locked(() => _pumpMotorFault = value); }

    /// <summary>Heater power the board reports whatever was commanded (a stuck driver); null: it follows the command.</summary>
    public int? HeaterPowerActualPermille { get => Locked(() => _heaterPowerActual); set => Locked(() => _heaterPowerActual = value); }

    /// <summary>A whole readout to return instead of the board's (one read), e.g. counts no real bus produces.</summary>
    public BoardReadout? NextReadoutOverride { get => Locked(() => _readoutOverride); set => Locked(() => _readoutOverride = value); }

    /// <summary>The next <see cref="Read"/> throws this (a bug in the bus code), once.</summary>
    public Exception? ThrowOnNextRead { get => Locked(() => _throwOnRead); set => Locked(() => _throwOnRead = value); }

    /// <summary>The next <see cref="Write"/> throws this, once.</summary>
    public Exception? ThrowOnNextWrite { get => Locked(() => _throwOnWrite); set => Locked(() => _throwOnWrite = value); }

    /// <summary>The next <see cref="Write"/> fails with this text (no reply from the board), once; nothing reaches the board.</summary>
    public string? NextWriteFailure { get => Locked(() => _writeFailure); set => Locked(() => _writeFailure = value); }

    public int Reads => Locked(() => _reads);

    public int LatchResets => Locked(() => _latchResets);

    /// <summary>The command the actuator board holds now (the last successful write).</summary>
    public ActuatorCommand Held => Locked(() => _held);

    public IReadOnlyList<BoardWrite> Writes => Locked(() => _writes.ToList());

    public IReadOnlyList<BoardWrite> WritesIn(long cycle) => Locked(() => _writes.Where(w => w.Cycle == cycle).ToList());

    public BoardReadout Read()
    {
        lock (_gate)
        {
            _reads++;
            if (_throwOnRead is { } boom)
            {
                _throwOnRead = null;
                throw boom;
            }

            if (_readoutOverride is { } scripted)
            {
                _readoutOverride = null;
                return scripted;
            }

            SensorFrame? frame = null;
            string? sensorFailure = null;
            if (_sensorReadFails)
            {
                _sensorFailures++;
                sensorFailure = "scripted: sensor board did not answer";
            }
            else
            {
                _sensorFailures = 0;
                if (!_freezeCounter)
                {
                    _counter++;
                }

                frame = _frame with { SampleCounter = _counter };
            }

            ActuatorFeedback? feedback = null;
            string? actuatorFailure = null;
            if (_actuatorReadFails)
            {
                _actuatorFailures++;
                actuatorFailure = "scripted: actuator board did not answer";
            }
            else
            {
                _actuatorFailures = 0;
                feedback = FeedbackLocked();
            }

            return new BoardReadout(frame, sensorFailure, feedback, actuatorFailure, _sensorFailures, _actuatorFailures);
        }
    }

    public string? Write(ActuatorCommand command, ushort heartbeat)
    {
        lock (_gate)
        {
            if (_throwOnWrite is { } boom)
            {
                _throwOnWrite = null;
                throw boom;
            }

            if (_writeFailure is { } failure)
            {
                _writeFailure = null;
                return failure;
            }

            _writes.Add(new BoardWrite(_cycle, command, heartbeat));
            _held = command;
            _heartbeat = heartbeat;
            return null;
        }
    }

    public string? ResetLatch()
    {
        lock (_gate)
        {
            _latchResets++;
            if (_held.HeaterEnabled)
            {
                return "latch reset ignored: heater_enable is 1";
            }

            _watchdogLatched = false;
            if (_limiterTripped && _limiterTemperature < Temperature.FromDegreesCelsius(44.0))
            {
                _limiterTripped = false;
            }

            return _limiterTripped ? "limiter stays tripped" : null;
        }
    }

    public string Describe() => Locked(() => $"scripted port: {_reads} reads, {_writes.Count} writes, {_latchResets} latch resets");

    private ActuatorFeedback FeedbackLocked()
    {
        // A watchdog-latched board drives everything off, whatever the registers hold.
        var outputs = _watchdogLatched ? ActuatorCommand.Safe : _held;
        var relay = outputs.HeaterEnabled && !_limiterTripped;
        var status = BoardStatus.None;
        status |= _watchdogLatched ? BoardStatus.SafeLatchedByWatchdog : 0;
        status |= _limiterTripped ? BoardStatus.LimiterTripped : 0;
        status |= relay ? BoardStatus.HeaterRelayClosed : 0;
        status |= outputs.PumpSpeedRpm > 0 ? BoardStatus.PumpRunning : 0;
        status |= outputs.ClampOpen ? BoardStatus.ClampOpen : 0;
        status |= _pumpMotorFault ? BoardStatus.PumpMotorFault : 0;
        var heater = _heaterPowerActual ?? (relay ? outputs.HeaterPowerPermille : 0);
        return new ActuatorFeedback(status, heater, outputs.PumpSpeedRpm, _limiterTemperature, _heartbeat);
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}

using HipecSafe.Controller.Boards;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Controller.Tests.Runtime;

/// <summary>
/// An <see cref="IBoardPort"/> for runtime tests. The sensor board returns <see cref="Frame"/> with a sample counter
/// that advances on every read (unless frozen). The actuator board follows docs/icd.md §7: it starts in its power-on
/// safe hold (board_status bit0), leaves a SAFE latch only through a latch reset sent while the last written command
/// has the heater disabled, the limiter reads below 44 °C and the heartbeat changed within the last 500 ms, and its
/// holding-register read-back (FC 0x03) returns what it holds — the safe values while latched, until the next write
/// after a release. Beyond that it is obedient (its feedback mirrors what it holds) except for what the test scripts
/// (latches, a motor fault, a runaway heater, failed reads, a port that throws, a board that never leaves its hold).
/// Every write is recorded with its heartbeat and the driver's cycle number. Thread-safe, because fault handling
/// may touch it from a thread other than the driver's.
/// </summary>
internal sealed class ScriptedBoardPort : IBoardPort
{
    /// <summary>The board's release condition: the heartbeat changed within this long (docs/icd.md §7.4).</summary>
    public static readonly TimeSpan HeartbeatChangingWithin = TimeSpan.FromMilliseconds(500);

    /// <summary>The limiter must read below this for a latch reset to be honoured (docs/icd.md §7.3, §7.4).</summary>
    public static readonly Temperature LimiterReleaseBelow = Temperature.FromDegreesCelsius(44.0);

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
    private readonly List<long> _releases = [];
    private readonly List<BoardWrite> _latchResetsSent = [];
    private readonly TimeSpan _period;
    private SensorFrame _frame = HealthyFrame;
    private ActuatorCommand _written = ActuatorCommand.Safe;
    private ActuatorCommand _held = ActuatorCommand.Safe;
    private ushort _heartbeat;
    private long? _heartbeatChangedAt;
    private ushort _counter;
    private int _reads;
    private int _sensorFailures;
    private int _actuatorFailures;
    private int _latchResets;
    private long _cycle;
    private bool _freezeCounter;
    private bool _sensorReadFails;
    private bool _actuatorReadFails;
    private bool _heldReadFails;
    private bool _safeLatched = true;
    private bool _neverReleases;
    private bool _limiterTripped;
    private bool _pumpMotorFault;
    private Temperature _limiterTemperature = Temperature.FromDegreesCelsius(37.0);
    private int? _heaterPowerActual;
    private double? _pumpSpeedActual;
    private double? _meterMlPerRev;
    private BoardStatus _statusForcedClear;
    private BoardStatus _statusForcedSet;
    private ushort? _echoStuckAt;
    private Exception? _throwOnRead;
    private Exception? _throwOnWrite;
    private string? _writeFailure;
    private BoardReadout? _readoutOverride;
    private bool _primedFromDry = true;
    private int _pumpedReads;

    /// <param name="cyclePeriod">The driver's cycle period: the board's 500 ms heartbeat window is judged in cycles of it.</param>
    public ScriptedBoardPort(TimeSpan? cyclePeriod = null)
    {
        _period = cyclePeriod ?? TimeSpan.FromMilliseconds(100);
    }

    /// <summary>
    /// The set is primed from dry (the default): the first time the board holds the pump running (Priming, on the
    /// nominal path), the set's air passes the detector, which reads air_detected = 1 for <see cref="PrimingAirTime"/> of pumping
    /// (SRS-IL-064, SRS-PH-026); afterwards it reads the scripted frame. False: a wet set, or a detector that never sees air.
    /// </summary>
    public bool PrimedFromDry { get => Locked(() => _primedFromDry); set => Locked(() => _primedFromDry = value); }

    /// <summary>How long the dry set's air reads at the detector once the pump first runs (<see cref="PrimedFromDry"/>).</summary>
    public static readonly TimeSpan PrimingAirTime = TimeSpan.FromSeconds(1);

    /// <summary>The sensor sample returned by the next reads; its counter is replaced by the board's own.</summary>
    public SensorFrame Frame { get => Locked(() => _frame); set => Locked(() => _frame = value); }

    /// <summary>The cycle the driver is running; every write is stamped with it.</summary>
    public long Cycle { get => Locked(() => _cycle); set => Locked(() => _cycle = value); }

    /// <summary>The sensor board keeps returning the same sample counter (a frozen board).</summary>
    public bool FreezeSampleCounter { get => Locked(() => _freezeCounter); set => Locked(() => _freezeCounter = value); }

    public bool SensorReadFails { get => Locked(() => _sensorReadFails); set => Locked(() => _sensorReadFails = value); }

    public bool ActuatorReadFails { get => Locked(() => _actuatorReadFails); set => Locked(() => _actuatorReadFails = value); }

    /// <summary>The holding-register read-back (FC 0x03) fails; the feedback read still answers.</summary>
    public bool HeldReadFails { get => Locked(() => _heldReadFails); set => Locked(() => _heldReadFails = value); }

    /// <summary>
    /// board_status bit 0, the SAFE latch (board watchdog or power-on hold): set at power-on; setting it forces the held
    /// command safe, as the board does when it latches.
    /// </summary>
    public bool SafeLatched
    {
        get => Locked(() => _safeLatched);
        set => Locked(() =>
        {
            _safeLatched = value;
            if (value)
            {
                _held = ActuatorCommand.Safe;
            }
        });
    }

    /// <summary>A board whose SAFE latch ignores every latch reset (a faulty board: the self-test must fail).</summary>
    public bool NeverReleases { get => Locked(() => _neverReleases); set => Locked(() => _neverReleases = value); }

    /// <summary>board_status bit 1; cleared by a latch reset once the limiter reads below 44 °C.</summary>
    public bool LimiterTripped
    {
        get => Locked(() => _limiterTripped);
        set => Locked(() =>
        {
            _limiterTripped = value;
            if (value)
            {
                _held = _held.WithHeaterOff();
            }
        });
    }

    public Temperature LimiterTemperature { get => Locked(() => _limiterTemperature); set => Locked(() => _limiterTemperature = value); }

    /// <summary>board_status bit 5, as long as it is set.</summary>
    public bool PumpMotorFault { get => Locked(() => _pumpMotorFault); set => Locked(() => _pumpMotorFault = value); }

    /// <summary>Heater power the board reports whatever was commanded (a stuck driver); null: it follows the command.</summary>
    public int? HeaterPowerActualPermille { get => Locked(() => _heaterPowerActual); set => Locked(() => _heaterPowerActual = value); }

    /// <summary>pump_speed_actual reported instead of the held speed (a rotor that does not follow); null = follows.</summary>
    public double? PumpSpeedActualRpm { get => Locked(() => _pumpSpeedActual); set => Locked(() => _pumpSpeedActual = value); }

    /// <summary>
    /// When set, the flow meter reads the pump's delivery, pump_speed_actual × this many mL per revolution, instead of
    /// the scripted frame's flow: a meter that follows the pump (the profile's tubing set is 40 mL/rev; more reads high).
    /// </summary>
    public double? MeterMillilitersPerRevolution { get => Locked(() => _meterMlPerRev); set => Locked(() => _meterMlPerRev = value); }

    /// <summary>board_status bits reported clear whatever the outputs do (a contact or switch that does not follow).</summary>
    public BoardStatus StatusForcedClear { get => Locked(() => _statusForcedClear); set => Locked(() => _statusForcedClear = value); }

    /// <summary>board_status bits reported set whatever the outputs do.</summary>
    public BoardStatus StatusForcedSet { get => Locked(() => _statusForcedSet); set => Locked(() => _statusForcedSet = value); }

    /// <summary>heartbeat_echo reported instead of the heartbeat last written (a stuck or dead echo); null = follows the writes.</summary>
    public ushort? HeartbeatEchoStuckAt { get => Locked(() => _echoStuckAt); set => Locked(() => _echoStuckAt = value); }

    /// <summary>A whole readout to return instead of the board's (one read), e.g. counts no real bus produces.</summary>
    public BoardReadout? NextReadoutOverride { get => Locked(() => _readoutOverride); set => Locked(() => _readoutOverride = value); }

    /// <summary>The next <see cref="Read"/> throws this (a bug in the bus code), once.</summary>
    public Exception? ThrowOnNextRead { get => Locked(() => _throwOnRead); set => Locked(() => _throwOnRead = value); }

    /// <summary>The next <see cref="Write"/> throws this, once.</summary>
    public Exception? ThrowOnNextWrite { get => Locked(() => _throwOnWrite); set => Locked(() => _throwOnWrite = value); }

    /// <summary>The next <see cref="Write"/> fails with this text (no reply from the board), once; nothing reaches the board.</summary>
    public string? NextWriteFailure { get => Locked(() => _writeFailure); set => Locked(() => _writeFailure = value); }

    public int Reads => Locked(() => _reads);

    /// <summary>Latch resets received, honoured or not.</summary>
    public int LatchResets => Locked(() => _latchResets);

    /// <summary>Every latch reset received, with the command and heartbeat last written when it came.</summary>
    public IReadOnlyList<BoardWrite> LatchResetsSent => Locked(() => _latchResetsSent.ToList());

    /// <summary>Cycles in which a latch reset released the SAFE latch.</summary>
    public IReadOnlyList<long> Releases => Locked(() => _releases.ToList());

    /// <summary>The command the actuator board holds now (FC 0x03): the safe values while SAFE-latched.</summary>
    public ActuatorCommand Held => Locked(() => _held);

    /// <summary>The heartbeat register as last written.</summary>
    public ushort Heartbeat => Locked(() => _heartbeat);

    /// <summary>Every write that reached the board, as sent (registers 0–4), whatever the board then holds.</summary>
    public IReadOnlyList<BoardWrite> Writes => Locked(() => _writes.ToList());

    public IReadOnlyList<BoardWrite> WritesIn(long cycle) => Locked(() => _writes.Where(w => w.Cycle == cycle).ToList());

    /// <summary>
    /// When set, a read first waits for this to be released: a line slow enough that messages queue up behind the
    /// bus's read while it lasts.
    /// </summary>
    public SemaphoreSlim? HoldReads { get; set; }

    /// <summary>Whether this read falls in the dry set's first second of pumping (<see cref="PrimedFromDry"/>).</summary>
    private bool PrimingAirPassesLocked()
    {
        var airReads = (int)Math.Ceiling(PrimingAirTime / _period);
        if (!_primedFromDry || _pumpedReads >= airReads || _held.PumpSpeedRpm <= 0)
        {
            return false;
        }

        _pumpedReads++;
        return true;
    }

    public BoardReadout Read()
    {
        HoldReads?.Wait();
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
                if (PrimingAirPassesLocked())
                {
                    frame = frame with { AirDetected = true };
                }
                if (_meterMlPerRev is { } mlPerRev)
                {
                    frame = frame with { Flow = VolumetricFlow.FromMillilitersPerMinute((_pumpSpeedActual ?? _held.PumpSpeedRpm) * mlPerRev) };
                }
            }

            ActuatorFeedback? feedback = null;
            HeldCommand? held = null;
            string? actuatorFailure = null;
            string? heldFailure = null;
            if (_actuatorReadFails)
            {
                _actuatorFailures++;
                actuatorFailure = "scripted: actuator board did not answer";
                heldFailure = actuatorFailure;
            }
            else
            {
                _actuatorFailures = 0;
                feedback = FeedbackLocked();
                if (_heldReadFails)
                {
                    heldFailure = "scripted: holding registers did not answer";
                }
                else
                {
                    held = new HeldCommand(_held, _heartbeat);
                }
            }

            return new BoardReadout(frame, sensorFailure, feedback, actuatorFailure, held, heldFailure, _sensorFailures, _actuatorFailures);
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
            _written = command;
            // While SAFE-latched registers 0–3 stay safe; a tripped limiter holds the heater off (docs/icd.md §7.5).
            _held = _safeLatched ? ActuatorCommand.Safe : _limiterTripped ? command.WithHeaterOff() : command;
            if (heartbeat != _heartbeat)
            {
                _heartbeatChangedAt = _cycle;
            }

            _heartbeat = heartbeat;
            return null;
        }
    }

    public string? ResetLatch()
    {
        lock (_gate)
        {
            _latchResets++;
            _latchResetsSent.Add(new BoardWrite(_cycle, _written, _heartbeat));
            // Acknowledged like any FC 0x06 write whether or not honoured: the controller learns the outcome from board_status.
            if (_written.HeaterEnabled || _held.HeaterEnabled || _limiterTemperature >= LimiterReleaseBelow)
            {
                return null;
            }

            if (_safeLatched && !_neverReleases && HeartbeatChangingLocked())
            {
                _safeLatched = false;
                _releases.Add(_cycle);
            }

            _limiterTripped = false;
            return null;
        }
    }

    public string Describe() => Locked(() => $"scripted port: {_reads} reads, {_writes.Count} writes, {_latchResets} latch resets");

    private bool HeartbeatChangingLocked() =>
        _heartbeatChangedAt is { } changed && (_cycle - changed) * _period <= HeartbeatChangingWithin;

    private ActuatorFeedback FeedbackLocked()
    {
        // The outputs follow what the board holds: safe while latched, heater off while the limiter has tripped.
        var outputs = _held;
        var relay = outputs.HeaterEnabled && !_limiterTripped && !_safeLatched;
        var status = BoardStatus.None;
        status |= _safeLatched ? BoardStatus.SafeLatchedByWatchdog : 0;
        status |= _limiterTripped ? BoardStatus.LimiterTripped : 0;
        status |= relay ? BoardStatus.HeaterRelayClosed : 0;
        status |= outputs.PumpSpeedRpm > 0 ? BoardStatus.PumpRunning : 0;
        status |= outputs.ClampOpen ? BoardStatus.ClampOpen : 0;
        status |= _pumpMotorFault ? BoardStatus.PumpMotorFault : 0;
        status = (status & ~_statusForcedClear) | _statusForcedSet;
        var heater = _heaterPowerActual ?? (relay ? outputs.HeaterPowerPermille : 0);
        return new ActuatorFeedback(status, heater, _pumpSpeedActual ?? outputs.PumpSpeedRpm, _limiterTemperature, _echoStuckAt ?? _heartbeat);
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}

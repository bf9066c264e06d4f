using HipecSafe.Controller;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.HazardLog;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Bus.Transport;
using HipecSafe.Hil.ControllerFaults;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;

namespace HipecSafe.Hil.Rig;

/// <summary>
/// The hardware-in-the-loop rig in lockstep: the plant, both board emulators on a virtual-time Modbus bus, and the
/// real controller (actors, Modbus master, hazard log). Each <see cref="Step"/> advances the plant and boards by
/// one cycle in 50 ms board steps (the sensor board's 20 Hz), then runs one controller cycle and waits until the
/// controller is idle. Nothing depends on wall-clock time, so a seed fixes the whole run.
/// </summary>
public sealed class SimulationRig : IDisposable
{
    private static readonly Duration BoardStep = Duration.FromMilliseconds(50);

    private readonly RigOptions _options;
    private readonly LimiterTemperatureSensor _limiter;
    private Temperature _limiterReading;
    // What the alarm system annunciated outside a cycle report during the step under way (lockstep: on this thread).
    private HipecSafe.Core.Alarms.Annunciation? _announced;

    // Controllers dropped by KillController with their logs: left as a kill leaves them (no flush, no seal), closed at the end.
    private readonly List<(ControllerRuntime Controller, HazardLogWriter Log)> _dropped = [];

    public SimulationRig(RigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Plant = new PerfusionPlant(options.Plant);
        SensorModel = new SensorBoardModel(options.Seed);
        _limiter = new LimiterTemperatureSensor(unchecked(options.Seed * 7919 + 1));
        SensorBoard = new SensorBoardEmulator();
        ActuatorBoard = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        Bus = new InMemorySerialLink("simulated RS-485 bus", new VirtualBusClock());
        new ModbusRtuSlave(BoardAddresses.DefaultSensorBoard, SensorBoard).ServeSynchronously(Bus.SlaveEnd);
        new ModbusRtuSlave(BoardAddresses.DefaultActuatorBoard, ActuatorBoard).ServeSynchronously(Bus.SlaveEnd);
        Master = new ModbusRtuMaster(Bus.MasterEnd);
        Log = OpenLog(options.HazardLogPath, $"sim-seed-{options.Seed}");
        // Only an armed rig hosts the controller's components for fault injection; the device never does.
        ControllerFaults = options.FaultInjectionArmed ? new ControllerFaultInjection(ClockMode.Lockstep, options.CyclePeriod) : null;
        Controller = CreateController(null);
        ControllerFaults?.Attach(Controller);
        _limiterReading = _limiter.Read(Plant.State);
        PublishBoards(Plant.State);
    }

    public PerfusionPlant Plant { get; }

    public SensorBoardModel SensorModel { get; }

    public SensorBoardEmulator SensorBoard { get; }

    public ActuatorBoardEmulator ActuatorBoard { get; }

    public InMemorySerialLink Bus { get; }

    public ModbusRtuMaster Master { get; }

    /// <summary>The running controller's hazard log (a restarted controller writes a new one, as the device does).</summary>
    public HazardLogWriter Log { get; private set; }

    /// <summary>The running controller; null between <see cref="KillController"/> and <see cref="RestartController"/>.</summary>
    public ControllerRuntime Controller { get; private set; }

    /// <summary>What the last restarted controller took over from its predecessor's log; null before a restart or when nothing was under way.</summary>
    public ProcedureResume? Resumed { get; private set; }

    /// <summary>Crash and stall injection into the controller's components; null unless the rig is armed.</summary>
    public ControllerFaultInjection? ControllerFaults { get; }

    public RigOptions Options => _options;

    public TimeSpan Now { get; private set; }

    public RigCycle? Last { get; private set; }

    /// <summary>Called after every board step (50 ms) with the time; fault injection hooks in here.</summary>
    public event Action<TimeSpan>? BoardStepped;

    public RigCycle Step()
    {
        if (Controller is null)
        {
            throw new InvalidOperationException("no controller is running: restart one, or step the plant alone with StepWithoutController");
        }

        StepBoards();
        _announced = null;
        var report = Controller.Step(Now, _options.Epoch + Now);
        Last = new RigCycle(Now, Plant.State, report, _announced);
        return Last;
    }

    /// <summary>One cycle of the plant and the boards with no controller on the bus (it is down): the board's watchdog latches it.</summary>
    public RigCycle StepWithoutController()
    {
        StepBoards();
        Last = new RigCycle(Now, Plant.State, null);
        return Last;
    }

    /// <summary>
    /// Drops the controller as a kill -9 or a power loss of the controller host would: no flush, no seal, no safe
    /// command, nothing more written. What its writer already handed to the file stays there; the boards and the plant
    /// run on.
    /// </summary>
    public void KillController()
    {
        if (Controller is null)
        {
            throw new InvalidOperationException("no controller is running");
        }

        // Stopping the actors writes nothing to the log (lockstep appends each record inline as it is made).
        Controller.Dispose();
        _dropped.Add((Controller, Log));
        Controller = null!;
    }

    /// <summary>
    /// Starts a new controller after <see cref="KillController"/>, on a new log in <paramref name="hazardLogPath"/>, as
    /// the device does: it reads its predecessor's log (the records that verify), takes over the procedure it left
    /// unfinished (<see cref="ProcedureResume.From"/>) and records the predecessor's crash marker first.
    /// </summary>
    public void RestartController(string hazardLogPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hazardLogPath);
        if (Controller is not null || _dropped.Count == 0)
        {
            throw new InvalidOperationException("kill the running controller before restarting one");
        }

        var previous = _dropped[^1].Log;
        var records = new List<HazardLogRecord>();
        AnchoredVerification found;
        using (var stream = new FileStream(previous.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var head = File.Exists(previous.HeadPath) ? File.ReadAllBytes(previous.HeadPath) : null;
            found = HazardLogVerifier.VerifyAnchored(stream, head, records.Add);
        }

        PreviousLogVerdict = found;
        Resumed = ProcedureResume.From(records);
        Log = OpenLog(hazardLogPath, $"sim-seed-{_options.Seed}-run-{_dropped.Count + 1}");
        Log.Append(LogPriority.High, Now, _options.Epoch + Now, new LogNotSealedEntry(
            found.HeadFinding == HeadFinding.Confirmed ? found.Head!.RecordCount : null,
            found.HeadFinding == HeadFinding.Confirmed ? found.Head!.LastHash : null,
            found.Chain.RecordCount, found.Chain.LastHash, $"the previous run's log {Path.GetFileName(previous.Path)}: {found.Verdict}"));
        Controller = CreateController(Resumed);
    }

    /// <summary>The verdict on the dropped controller's log when the last restart read it.</summary>
    public AnchoredVerification? PreviousLogVerdict { get; private set; }

    private HazardLogWriter OpenLog(string path, string logId) => HazardLogWriter.Open(
        new HazardLogWriterOptions(path, "hipecsafe-sim", _options.Profile.Name)
        {
            NewLogId = () => logId,
            TimeProvider = new SimulatedWallClock(_options.Epoch, () => Now),
        });

    private ControllerRuntime CreateController(ProcedureResume? resume) => ControllerRuntime.Create(
        new ControllerOptions(_options.Profile, ClockMode.Lockstep)
        {
            CyclePeriod = _options.CyclePeriod,
            PlantModel = ControlPlantModel.Default with { HeaterMaxPower = _options.Plant.HeaterMaxPower },
            Decorator = ControllerFaults,
            Resume = resume,
        },
        new ModbusBoardPort(Master),
        Log,
        m =>
        {
            if (m is HipecSafe.Controller.Cycle.AlarmsAnnounced a)
            {
                _announced = a.Alarms;
            }
        });

    private void StepBoards()
    {
        var steps = (int)Math.Round(_options.CyclePeriod / BoardStep.ToTimeSpan());
        for (var i = 0; i < steps; i++)
        {
            Now += BoardStep.ToTimeSpan();
            var inputs = ActuatorBoard.Step(Now, _limiterReading);
            Plant.Step(BoardStep, inputs);
            var state = Plant.State;
            _limiterReading = _limiter.Read(state);
            PublishBoards(state);
            BoardStepped?.Invoke(Now);
        }
    }

    private void PublishBoards(in PlantState state)
    {
        SensorBoard.Publish(SensorModel.Sample(state));
        ActuatorBoard.Publish(state);
    }

    public void Dispose()
    {
        foreach (var (_, log) in _dropped)
        {
            log.Dispose();
        }

        if (Controller is null)
        {
            Log.Dispose();
            Bus.Dispose();
            return;
        }

        Controller.FlushLog();
        Controller.Dispose();
        // A simulation that ends closes its log cleanly, as the device does when it is stopped.
        Log.Seal("end of simulation");
        Log.Dispose();
        Bus.Dispose();
    }
}

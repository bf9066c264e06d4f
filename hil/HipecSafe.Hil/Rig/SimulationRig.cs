using HipecSafe.Controller;
using HipecSafe.Controller.Boards;
using HipecSafe.Controller.Clock;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Control;
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
        Log = HazardLogWriter.Open(new HazardLogWriterOptions(options.HazardLogPath, "hipecsafe-sim", options.Profile.Name)
        {
            NewLogId = () => $"sim-seed-{options.Seed}",
            TimeProvider = new SimulatedWallClock(options.Epoch, () => Now),
        });
        // Only an armed rig hosts the controller's components for fault injection; the device never does.
        ControllerFaults = options.FaultInjectionArmed ? new ControllerFaultInjection(ClockMode.Lockstep, options.CyclePeriod) : null;
        Controller = ControllerRuntime.Create(
            new ControllerOptions(options.Profile, ClockMode.Lockstep)
            {
                CyclePeriod = options.CyclePeriod,
                PlantModel = ControlPlantModel.Default with { HeaterMaxPower = options.Plant.HeaterMaxPower },
                Decorator = ControllerFaults,
            },
            new ModbusBoardPort(Master),
            Log);
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

    public HazardLogWriter Log { get; }

    public ControllerRuntime Controller { get; }

    /// <summary>Crash and stall injection into the controller's components; null unless the rig is armed.</summary>
    public ControllerFaultInjection? ControllerFaults { get; }

    public RigOptions Options => _options;

    public TimeSpan Now { get; private set; }

    public RigCycle? Last { get; private set; }

    /// <summary>Called after every board step (50 ms) with the time; fault injection hooks in here.</summary>
    public event Action<TimeSpan>? BoardStepped;

    public RigCycle Step()
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

        var report = Controller.Step(Now, _options.Epoch + Now);
        Last = new RigCycle(Now, Plant.State, report);
        return Last;
    }

    private void PublishBoards(in PlantState state)
    {
        SensorBoard.Publish(SensorModel.Sample(state));
        ActuatorBoard.Publish(state);
    }

    public void Dispose()
    {
        Controller.FlushLog();
        Controller.Dispose();
        // A simulation that ends closes its log cleanly, as the device does when it is stopped.
        Log.Seal("end of simulation");
        Log.Dispose();
        Bus.Dispose();
    }
}

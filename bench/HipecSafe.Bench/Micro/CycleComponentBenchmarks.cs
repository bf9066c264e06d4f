using BenchmarkDotNet.Attributes;
using HipecSafe.Controller.Boards;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Control;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Boards;
using HipecSafe.Hil.Bus.Modbus;
using HipecSafe.Hil.Bus.Transport;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Plant.Sensors;
using PlantParameters = HipecSafe.Hil.Plant.PlantParameters;

namespace HipecSafe.Bench.Micro;

/// <summary>
/// The pieces of one 100 ms lockstep cycle, each on its own, at a chemo-like operating point (abdomen ~42 °C,
/// 2 L/min, heater ~30 %): what the rig does per cycle (two 50 ms plant steps with sensor sampling and board
/// publishing) and what the controller does (the Modbus traffic of a cycle over the virtual bus against the board
/// emulators, the interlock engine, the control law). What a full cycle costs beyond their sum is the actor chain.
/// Numbers from a busy machine are upper bounds: BenchmarkDotNet measures wall time.
/// </summary>
[MemoryDiagnoser]
public class CycleComponentBenchmarks
{
    private static readonly Duration BoardStep = Duration.FromMilliseconds(50);

    private readonly TreatmentProfile _profile = TreatmentProfile.Default;
    private PerfusionPlant _plant = null!;
    private PlantInputs _inputs;
    private SensorBoardModel _sensors = null!;
    private LimiterTemperatureSensor _limiter = null!;
    private SensorBoardEmulator _sensorBoard = null!;
    private ActuatorBoardEmulator _actuatorBoard = null!;
    private ModbusBoardPort _port = null!;
    private InMemorySerialLink _bus = null!;
    private InterlockEngine _interlocks = null!;
    private InterlockEngineState _interlockState = null!;
    private InterlockInput _interlockInput = null!;
    private ControlLaw _control = null!;
    private ControlLawState _controlState = ControlLawState.Initial;
    private ControlInputs _controlInputs = null!;
    private ActuatorCommand _command = null!;
    private TimeSpan _now;
    private ushort _heartbeat;

    [GlobalSetup]
    public void Setup()
    {
        _plant = new PerfusionPlant(PlantParameters.Default);
        _inputs = new PlantInputs(300, HeaterRelayClosed: true, _profile.PumpRpmFor(_profile.FlowTarget), ClampOpen: true);
        // 20 simulated minutes at 30 % heater and target flow: a warm, circulating operating point.
        for (var i = 0; i < 20 * 60 * 20; i++)
        {
            _plant.Step(BoardStep, _inputs);
        }

        _sensors = new SensorBoardModel(1);
        _limiter = new LimiterTemperatureSensor(2);
        _sensorBoard = new SensorBoardEmulator();
        _actuatorBoard = new ActuatorBoardEmulator(new ActuatorBoardLogic());
        _bus = new InMemorySerialLink("bench bus", new VirtualBusClock());
        new ModbusRtuSlave(BoardAddresses.DefaultSensorBoard, _sensorBoard).ServeSynchronously(_bus.SlaveEnd);
        new ModbusRtuSlave(BoardAddresses.DefaultActuatorBoard, _actuatorBoard).ServeSynchronously(_bus.SlaveEnd);
        _port = new ModbusBoardPort(new ModbusRtuMaster(_bus.MasterEnd));
        _sensorBoard.Publish(_sensors.Sample(_plant.State));
        _actuatorBoard.Publish(_plant.State);
        _command = new ActuatorCommand(300, _inputs.PumpSpeedRpm, ClampOpen: true, HeaterEnabled: true);
        var readout = _port.Read();
        var frame = readout.Frame ?? throw new InvalidOperationException("bench bus read failed: " + readout.SensorFailure);

        _interlocks = new InterlockEngine(_profile.Limits);
        _interlockState = _interlocks.Initial;
        _interlockInput = new InterlockInput(TimeSpan.FromMinutes(20), Phase.ChemoPerfusion, frame, readout.Feedback, _command,
            _profile.FlowTarget, Volume.FromMilliliters(2500), new BusFailureCounts(0, 0), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        _control = new ControlLaw(plant: ControlPlantModel.Default);
        _controlInputs = new ControlInputs(Phase.ChemoPerfusion, _profile, frame.InflowA, frame.Outflow,
            Enumerable.Range(0, SensorFrame.AbdominalProbeCount).Select(i => new ProbeReading(frame.AbdomenProbe(i), true)).ToList(),
            frame.Flow, _command);
        _now = TimeSpan.FromMinutes(20);
    }

    [GlobalCleanup]
    public void Cleanup() => _bus.Dispose();

    /// <summary>The rig's share of a cycle: two 50 ms board steps (actuator board, plant, limiter, sensor model, publish).</summary>
    [Benchmark]
    public PlantState PlantAndBoards()
    {
        for (var i = 0; i < 2; i++)
        {
            _now += BoardStep.ToTimeSpan();
            var inputs = _actuatorBoard.Step(_now, _limiter.Read(_plant.State));
            _plant.Step(BoardStep, inputs);
            _sensorBoard.Publish(_sensors.Sample(_plant.State));
            _actuatorBoard.Publish(_plant.State);
        }

        return _plant.State;
    }

    /// <summary>One plant step alone (the physics).</summary>
    [Benchmark]
    public PlantState PlantStep()
    {
        _plant.Step(BoardStep, _inputs);
        return _plant.State;
    }

    /// <summary>A cycle's Modbus traffic: read the sensor board, read actuator feedback, write the command with the heartbeat.</summary>
    [Benchmark]
    public string? BusCycle()
    {
        var readout = _port.Read();
        return readout.SensorFailure ?? _port.Write(_command, ++_heartbeat);
    }

    /// <summary>
    /// The 27 interlock rules with sensor validation on a fresh sample (the sensor model draws new noise and advances
    /// the sample counter, as the board does; a repeated frame would read as stale and trip).
    /// </summary>
    [Benchmark]
    public InterlockEvaluation SampleAndInterlocks()
    {
        _interlockInput = _interlockInput with { Now = _interlockInput.Now + TimeSpan.FromMilliseconds(100), Sensors = _sensors.Sample(_plant.State) };
        var step = _interlocks.Evaluate(_interlockState, _interlockInput);
        _interlockState = step.State;
        return step.Evaluation;
    }

    /// <summary>The sensor model alone, to subtract from <see cref="SampleAndInterlocks"/>.</summary>
    [Benchmark]
    public SensorFrame SensorSample() => _sensors.Sample(_plant.State);

    /// <summary>The cascade and flow loops for one cycle.</summary>
    [Benchmark]
    public ControlOutput ControlLaw()
    {
        _now += TimeSpan.FromMilliseconds(100);
        var step = _control.Step(_controlState, Duration.FromTimeSpan(_now), _controlInputs);
        _controlState = step.State;
        return step.Output;
    }
}

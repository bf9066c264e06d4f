using HipecSafe.Hil.ControllerFaults;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Hil.Plant.Sensors;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// Drives a scenario's faults into a lockstep rig: each one starts at its trigger (time from the start, or time
/// since the procedure first entered a phase, while still in it), lasts for its <c>for:</c> duration (or to the end)
/// and is then cleared. Checked every 50 ms board step. Refuses to touch a rig that is not armed for fault injection
/// (PX4's rule: no accidental faults). All randomness (bus corruption, noise bytes) comes from the scenario seed.
/// </summary>
public sealed class FaultInjector : IDisposable
{
    /// <summary>The rig's board step: the sensor board's 20 Hz sample period.</summary>
    private static readonly TimeSpan BoardStep = SensorBoardModel.SamplePeriod.ToTimeSpan();

    private readonly SimulationRig _rig;
    private readonly string _scenarioName;
    private readonly Slot[] _slots;
    private readonly Dictionary<Phase, TimeSpan> _entered = [];
    private readonly BusFaultLine _bus;
    private Phase? _phase;
    private int _frozen;

    /// <exception cref="FaultInjectionRefusedException">The rig is not armed (<see cref="RigOptions.FaultInjectionArmed"/> is false).</exception>
    public FaultInjector(SimulationRig rig, string scenarioName, IReadOnlyList<FaultSpec> faults, int seed)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(faults);
        RequireArmed(rig.Options);
        _rig = rig;
        _scenarioName = scenarioName;
        _slots = [.. faults.Select(f => new Slot(f))];
        // A generator of its own, derived from the seed but apart from the sensor noise, so adding a bus fault does not
        // change the noise the rest of the run sees.
        _bus = new BusFaultLine(rig.Bus, new Random(unchecked((seed * 31) + 0x5EED)));
        rig.BoardStepped += OnBoardStep;
    }

    /// <summary>Every fault with its onset, end, or the reason it never fired (see <see cref="Finish"/>).</summary>
    public IReadOnlyList<FaultActivation> Activations =>
        [.. _slots.Select(s => new FaultActivation(s.Fault, s.Onset, s.Cleared, s.NotFiredReason))];

    /// <summary>When the first fault started: the reference for <c>within</c>.</summary>
    public TimeSpan? FirstOnset => _slots.Select(s => s.Onset).Where(o => o is not null).DefaultIfEmpty().Min();

    /// <summary>True while a fault with a time or phase trigger has not fired yet.</summary>
    public bool AnyPending => _slots.Any(s => s.Onset is null && s.NotFiredReason is null);

    /// <summary>Frames the bus faults changed or dropped.</summary>
    public long BusFramesAffected => _bus.FramesAffected;

    /// <summary>Throws unless <paramref name="options"/> arm fault injection.</summary>
    public static void RequireArmed(RigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.FaultInjectionArmed)
        {
            throw new FaultInjectionRefusedException(
                "fault injection refused: the rig is not armed (RigOptions.FaultInjectionArmed is false); "
                + "arm it explicitly for fault-injection runs so no fault can reach a rig by accident");
        }
    }

    /// <summary>Call after every rig cycle: tracks the phase and when each phase was first entered.</summary>
    public void ObserveCycle(RigCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Report is { } report)
        {
            _phase = report.Phase;
            _entered.TryAdd(report.Phase, cycle.Time);
        }
    }

    /// <summary>At the end of the run: records why each fault that never fired did not.</summary>
    public void Finish(TimeSpan end, string endReason)
    {
        foreach (var slot in _slots.Where(s => s.Onset is null && s.NotFiredReason is null))
        {
            slot.NotFiredReason = slot.Fault.At.NotFiredReason(_entered, end, endReason);
        }
    }

    public void Dispose() => _rig.BoardStepped -= OnBoardStep;

    private void OnBoardStep(TimeSpan now)
    {
        RequireArmed(_rig.Options);
        foreach (var slot in _slots)
        {
            if (slot.Onset is null && slot.NotFiredReason is null)
            {
                if (slot.Fault.At.IsDue(now, _phase, _entered, out var missed))
                {
                    Start(slot, now);
                }
                else
                {
                    slot.NotFiredReason = missed;
                }
            }
            else if (slot is { Onset: { } onset, Cleared: null, Fault.For: { } lasts } && now - onset >= lasts.ToTimeSpan())
            {
                End(slot, now);
            }
        }

        _bus.OnBoardStep(BoardStep);
    }

    private void Start(Slot slot, TimeSpan now)
    {
        slot.Onset = now;
        switch (slot.Fault.Action)
        {
            case SensorChannelFault sensor:
                _rig.SensorModel.Inject(sensor.Channel, sensor.Fault);
                break;
            case SensorBoardFreeze:
                _frozen++;
                _rig.SensorModel.FreezeBoard();
                break;
            case PlantFaultAction plant:
                _rig.Plant.Inject(plant.Fault);
                break;
            case ActuatorRegisterFaultAction register:
                _rig.ActuatorBoard.Inject(register.Fault);
                break;
            case BusFaultAction bus:
                _bus.Start(bus.Fault);
                break;
            case ControllerCrash crash:
                Faults.Crash(crash.Component, $"scenario {_scenarioName}, fault {slot.Fault.Index}: injected crash");
                break;
            case ControllerStall stall:
                Faults.Stall(stall.Component, stall.Duration);
                break;
            default:
                throw new InvalidOperationException($"no injection for {slot.Fault.Action.GetType().Name}");
        }
    }

    private ControllerFaultInjection Faults => _rig.ControllerFaults
        ?? throw new FaultInjectionRefusedException("controller fault injection needs an armed rig (RigOptions.FaultInjectionArmed)");

    private void End(Slot slot, TimeSpan now)
    {
        slot.Cleared = now;
        switch (slot.Fault.Action)
        {
            // Clear only what is still ours: a later fault on the same channel or slot replaced it and stays.
            case SensorChannelFault sensor when ReferenceEquals(_rig.SensorModel.ActiveFault(sensor.Channel), sensor.Fault):
                _rig.SensorModel.Clear(sensor.Channel);
                break;
            case SensorBoardFreeze:
                if (--_frozen == 0)
                {
                    _rig.SensorModel.UnfreezeBoard();
                }

                break;
            case PlantFaultAction plant when _rig.Plant.ActiveFaults.Any(f => ReferenceEquals(f, plant.Fault)):
                _rig.Plant.Clear(plant.Fault.Slot);
                break;
            case ActuatorRegisterFaultAction register when ReferenceEquals(_rig.ActuatorBoard.ActiveFault(register.Fault.Register), register.Fault):
                _rig.ActuatorBoard.Clear(register.Fault.Register);
                break;
            case BusFaultAction bus:
                _bus.Stop(bus.Fault);
                break;
        }
    }

    private sealed class Slot(FaultSpec fault)
    {
        public FaultSpec Fault { get; } = fault;

        public TimeSpan? Onset { get; set; }

        public TimeSpan? Cleared { get; set; }

        public string? NotFiredReason { get; set; }
    }
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;

namespace HipecSafe.Core.Tests.Interlocks;

/// <summary>
/// Drives an <see cref="InterlockEngine"/> the way the controller does: one evaluation per 100 ms cycle, the sensor
/// board's counter advancing with every sample, the engine's state passed from each call to the next (and through
/// operator resets). The constructor runs a baseline evaluation at t = 0 on the initial frame, so the validator has
/// its references and tests start from a known state.
/// </summary>
internal sealed class InterlockRig
{
    public static readonly AlarmLimits Limits = TreatmentProfile.Default.Limits;
    public static readonly TimeSpan Cycle = TimeSpan.FromMilliseconds(100);

    /// <summary>What control would like to do in a normal perfusion cycle.</summary>
    public static readonly ActuatorCommand Running = new(500, 50, ClampOpen: true, HeaterEnabled: true);

    public InterlockRig(Func<SensorFrame, SensorFrame>? initial = null, Phase phase = Phase.ChemoPerfusion, InterlockEngine? engine = null)
    {
        Engine = engine ?? new InterlockEngine(Limits);
        Phase = phase;
        Frame = (initial ?? (f => f))(Nominal());
        CircuitVolumeBaseline = Frame.ReservoirVolume;
        State = Engine.Initial;
        Last = Evaluate();
    }

    public InterlockEngine Engine { get; }
    /// <summary>The engine state after the last evaluation or reset; the next call starts from it.</summary>
    public InterlockEngineState State { get; private set; }
    public TimeSpan Now { get; private set; }
    public SensorFrame Frame { get; set; }
    public ActuatorFeedback Feedback { get; set; } = NominalFeedback();
    /// <summary>The command the board holds, as read back this cycle (<see cref="CommandReadBack"/>).</summary>
    public ActuatorCommand LastCommand { get; set; } = Running;
    /// <summary>False: this cycle's read-back of the held command failed (LastCommand is then the last write).</summary>
    public bool CommandReadBack { get; set; } = true;
    public Phase Phase { get; set; }
    public VolumetricFlow FlowTarget { get; set; } = VolumetricFlow.FromLitersPerMinute(2.0);
    /// <summary>Defaults to the initial frame's reservoir volume: steady-volume perfusion starts with the rig; null: none in force.</summary>
    public Volume? CircuitVolumeBaseline { get; set; }
    public BusFailureCounts BusFailures { get; set; } = BusFailureCounts.None;
    public TimeSpan PhaseStartedAt { get; set; } = TimeSpan.Zero;
    public TimeSpan? PumpStartedAt { get; set; } = TimeSpan.Zero;
    /// <summary>The heartbeats the bus wrote before this cycle's read; null: none acknowledged yet.</summary>
    public HeartbeatWrites? Heartbeat { get; set; }
    public bool SensorReadFails { get; set; }
    public bool ActuatorReadFails { get; set; }
    public InterlockEvaluation Last { get; private set; }

    public static Temperature T(double celsius) => Temperature.FromDegreesCelsius(celsius);

    public static ushort Bit(SensorChannel channel) => (ushort)(1 << (int)channel);

    public static SensorFrame Nominal() => new(
        SampleCounter: 1,
        ChannelFaultBits: 0,
        InflowA: T(43.0),
        InflowB: T(43.0),
        Outflow: T(41.5),
        Abdomen1: T(42.0),
        Abdomen2: T(42.0),
        Abdomen3: T(42.0),
        Abdomen4: T(42.0),
        Core: T(37.5),
        InflowPressure: Pressure.FromMillimetersOfMercury(150),
        Flow: VolumetricFlow.FromMillilitersPerMinute(2000),
        ReservoirVolume: Volume.FromMilliliters(1500),
        AirDetected: false,
        AbdominalPressure: Pressure.FromMillimetersOfMercury(8));

    public static ActuatorFeedback NominalFeedback() => new(
        BoardStatus.HeaterRelayClosed | BoardStatus.PumpRunning | BoardStatus.ClampOpen, 500, 50, T(43.5), 0);

    /// <summary>One cycle later; the board took a new sample unless <paramref name="counterAdvances"/> is false.</summary>
    public InterlockEvaluation Step(TimeSpan? dt = null, bool counterAdvances = true)
    {
        Now += dt ?? Cycle;
        if (counterAdvances)
        {
            Frame = Frame with { SampleCounter = unchecked((ushort)(Frame.SampleCounter + 1)) };
        }

        Last = Evaluate();
        return Last;
    }

    /// <summary>Operator reset of one rule at <see cref="Now"/>, on the current state.</summary>
    public ResetOutcome Reset(string ruleId)
    {
        var (outcome, state) = Engine.Reset(State, ruleId, Now);
        State = state;
        return outcome;
    }

    /// <summary>Operator reset of every latched trip at <see cref="Now"/>, on the current state.</summary>
    public IReadOnlyList<ResetOutcome> ResetAll()
    {
        var (outcomes, state) = Engine.ResetAll(State, Now);
        State = state;
        return outcomes;
    }

    /// <summary>The active trips of the current state (after resets too, unlike <see cref="Last"/>).</summary>
    public IReadOnlyList<InterlockTrip> Active => Engine.ActiveOf(State);

    /// <summary>The input the next evaluation would get at <see cref="Now"/>.</summary>
    public InterlockInput Input() => new(
        Now, Phase, SensorReadFails ? null : Frame, ActuatorReadFails ? null : Feedback, LastCommand, FlowTarget,
        CircuitVolumeBaseline, BusFailures, PhaseStartedAt, PumpStartedAt, CommandReadBack, Heartbeat);

    /// <summary>Steps whole cycles until <paramref name="duration"/> has passed.</summary>
    public InterlockEvaluation Run(TimeSpan duration)
    {
        var end = Now + duration;
        while (Now < end)
        {
            Step();
        }

        return Last;
    }

    /// <summary>Steps until <see cref="Now"/> equals <paramref name="time"/> (whole cycles from the current time).</summary>
    public InterlockEvaluation RunUntil(TimeSpan time) => Run(time - Now);

    public bool IsActive(string ruleId) => Last.Active.Any(t => t.RuleId == ruleId);

    public InterlockTrip Trip(string ruleId) => Last.Active.Single(t => t.RuleId == ruleId);

    public ActuatorCommand Constrained() => Last.Constrain(Running).Command;

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private InterlockEvaluation Evaluate()
    {
        var (evaluation, state) = Engine.Evaluate(State, Input());
        State = state;
        return evaluation;
    }
}

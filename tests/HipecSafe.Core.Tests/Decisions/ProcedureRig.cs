using HipecSafe.Core.Actuators;
using HipecSafe.Core.Collections;
using HipecSafe.Core.Control;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Tests.Interlocks;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Drives a <see cref="ProcedureStep"/> the way the control loop does: one step per cycle (100 ms unless told) with
/// the state threaded from each call to the next, the sensor board's counter advancing with every sample, and the
/// actuator board holding the command last desired (the rig stands in for a gate that let it through) unless a test
/// pins what it holds; the flow meter reads what the held pump speed delivers. The abdominal probes start at 39.0 °C, below the default profile's 40.0 °C drug-addition
/// minimum, so Heating does not end by itself. Driven along the nominal path, Heating lasts until the reservoir has
/// held steady at target flow for the leak-check time, so the leak check can be confirmed in ReadyForChemo at once.
/// </summary>
internal sealed class ProcedureRig
{
    public const string ControlLoop = "controlloop";

    public static readonly TreatmentProfile Profile = TreatmentProfile.Default;

    public ProcedureRig(Func<SensorFrame, SensorFrame>? initial = null)
    {
        Procedure = new ProcedureStep(Profile, new ControlLaw(), InterlockRig.Cycle, ControlLoop);
        State = Procedure.Initial;
        Frame = (initial ?? (f => f))(WithAbdomen(InterlockRig.Nominal(), 39.0));
    }

    public ProcedureStep Procedure { get; }

    public ProcedureState State { get; set; }

    public Phase Phase => State.Phase.Current;

    /// <summary>The last cycle stepped (−1 before the first).</summary>
    public long Cycle { get; private set; } = -1;

    public TimeSpan Now { get; private set; } = -InterlockRig.Cycle;

    public SensorFrame Frame { get; set; }

    /// <summary>
    /// The flow meter's reading; when null (the default) the flow the held pump speed delivers through the profile's
    /// tubing set (docs/icd.md §6.2: speed × mL/rev).
    /// </summary>
    public VolumetricFlow? Flow { get; set; }

    /// <summary>
    /// The set is primed from dry (the default): its air passes the detector in the first cycle of Priming, which then
    /// reads air_detected = 1 (SRS-IL-064, SRS-PH-026); the air-free time counts from the next cycle. False: a wet set or a
    /// detector stuck at "no air", which never reports it.
    /// </summary>
    public bool PrimedFromDry { get; set; } = true;

    private bool _primingAirPassed;

    private bool _primingAirNow;

    public bool SensorReadFails { get; set; }

    public bool FeedbackReadFails { get; set; }

    /// <summary>What the board holds; follows the desired command unless <see cref="PinnedHeld"/> is set.</summary>
    public ActuatorCommand Held { get; set; } = ActuatorCommand.Safe;

    /// <summary>When set, the board holds this whatever was desired.</summary>
    public ActuatorCommand? PinnedHeld { get; set; }

    /// <summary>Latch and fault bits of board_status on top of what the held outputs show.</summary>
    public BoardStatus BoardBits { get; set; }

    public Temperature LimiterTemperature { get; set; } = BoardEcho.CoolLimiter;

    /// <summary>When set, turns what a healthy board would report into what this board reports (a feedback fault).</summary>
    public Func<ActuatorFeedback, ActuatorFeedback>? FeedbackFault { get; set; }

    public HealthStatus Health { get; set; } = HealthStatus.AllAnswered;

    /// <summary>The gate's verdict of the previous cycle, as the control lane reads it.</summary>
    public GateVerdict? LastVerdict { get; set; }

    public ProcedureOutcome Last { get; private set; } = null!;

    public DesiredCommand Desired => Last.Desired;

    /// <summary>This rig with <paramref name="verdict"/> as the gate's last verdict.</summary>
    public ProcedureRig With(GateVerdict verdict)
    {
        LastVerdict = verdict;
        return this;
    }

    public static SensorFrame WithAbdomen(SensorFrame frame, double celsius)
    {
        var t = Temperature.FromDegreesCelsius(celsius);
        return frame with { Abdomen1 = t, Abdomen2 = t, Abdomen3 = t, Abdomen4 = t };
    }

    public static HealthStatus Late(string component) =>
        new(false, ValueList.From([component]), ValueList.Empty<string>());

    public static HealthStatus Failed(string component) =>
        new(false, ValueList.From([component]), ValueList.From([component]));

    public BoardReadout Readout() => new(
        SensorReadFails ? null : _primingAirNow ? Frame with { AirDetected = true } : Frame, SensorReadFails ? "response timeout" : null,
        FeedbackReadFails ? null : (FeedbackFault ?? (f => f))(BoardEcho.Reporting(Held, BoardBits, LimiterTemperature)),
        FeedbackReadFails ? "response timeout" : null,
        new HeldCommand(Held, 0), null, 0, 0);

    /// <summary>One cycle, <see cref="InterlockRig.Cycle"/> after the last, with these operator commands.</summary>
    public ProcedureOutcome Next(params OperatorAction[] commands) => Next(InterlockRig.Cycle, commands, []);

    /// <summary>One cycle with these technical events.</summary>
    public ProcedureOutcome NextWith(params TechnicalEvent[] events) => Next(InterlockRig.Cycle, [], events);

    /// <summary>One cycle <paramref name="dt"/> after the last.</summary>
    public ProcedureOutcome Next(TimeSpan dt, IReadOnlyList<OperatorAction> commands, IReadOnlyList<TechnicalEvent> events)
    {
        var input = Input(dt, commands, events);
        Last = Procedure.Step(State, input);
        State = Last.State;
        Held = BoardEcho.HoldsAfterWriting(PinnedHeld ?? Last.Desired.Command, BoardBits);
        if (Last.ResetHealth)
        {
            // The watchdog clears its latched failures when told to (HealthStatus: latched until an operator reset).
            Health = Health with { Failed = ValueList.Empty<string>() };
        }

        return Last;
    }

    /// <summary>The input of the next cycle (advances the rig's clock, cycle and sample counter).</summary>
    public ProcedureInput Input(TimeSpan dt, IReadOnlyList<OperatorAction> commands, IReadOnlyList<TechnicalEvent> events)
    {
        Cycle++;
        Now += dt;
        _primingAirNow = PrimedFromDry && !_primingAirPassed && Phase == Phase.Priming;
        _primingAirPassed |= _primingAirNow;
        Frame = Frame with
        {
            SampleCounter = unchecked((ushort)(Frame.SampleCounter + 1)),
            Flow = Flow ?? VolumetricFlow.FromMillilitersPerMinute(Held.PumpSpeedRpm * Profile.TubingMillilitersPerRevolution),
        };
        return new ProcedureInput(Cycle, Now, Readout(), Health, commands, LastVerdict, events);
    }

    /// <summary>Steps <paramref name="count"/> plain cycles of 100 ms.</summary>
    public ProcedureOutcome Cycles(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Next();
        }

        return Last;
    }

    /// <summary>Steps plain cycles of <paramref name="dt"/> (the last one shorter if need be) until exactly <paramref name="duration"/> has passed.</summary>
    public ProcedureOutcome Run(TimeSpan duration, TimeSpan dt)
    {
        var end = Now + duration;
        while (Now < end)
        {
            Next(dt < end - Now ? dt : end - Now, [], []);
        }

        return Last;
    }

    /// <summary>Drives the procedure from power-on along the nominal path until it is in <paramref name="target"/>.</summary>
    public ProcedureRig DriveTo(Phase target)
    {
        var path = new (Phase From, Action Go)[]
        {
            (Phase.PowerOnSelfTest, () => Next()),
            (Phase.Standby, () => Next(OperatorAction.StartPriming)),
            (Phase.Priming, () => Next()),
            (Phase.Heating, () =>
            {
                if (State.LeakCheck.SteadyFor < Profile.LeakCheck.SteadyFor)
                {
                    Next(TimeSpan.FromSeconds(30), [], []); // circulating at target flow long enough for the leak check
                    return;
                }

                // Probes warm to 41.5 °C within what the rate check allows over 2 s.
                Frame = WithAbdomen(Frame, 41.5);
                Next(TimeSpan.FromSeconds(2), [], []);
            }),
            (Phase.ReadyForChemo, () => Next(OperatorAction.ConfirmLeakCheck, OperatorAction.AddDrug)),
            (Phase.ChemoPerfusion, () => Next(OperatorAction.EndChemoEarly)),
            (Phase.Washout, () =>
            {
                if (State.Phase.WashoutExchangeConfirmed)
                {
                    Next(TimeSpan.FromMinutes(1), [], []);
                }
                else
                {
                    // The saline exchange as the reservoir shows it (SRS-PH-023): 300 mL drained ahead of the saline, then
                    // back where it was once the saline is in; then the confirmation.
                    var full = Frame.ReservoirVolume;
                    Frame = Frame with { ReservoirVolume = full - Volume.FromMilliliters(300) };
                    Next(TimeSpan.FromSeconds(30), [], []);
                    Frame = Frame with { ReservoirVolume = full };
                    Next(TimeSpan.FromSeconds(30), [], []);
                    Next(OperatorAction.ConfirmWashoutExchange);
                }
            }),
            (Phase.Draining, () => Next(TimeSpan.FromMinutes(1), [], [])),
        };
        for (var guard = 0; Phase != target; guard++)
        {
            Assert.True(guard < 1000, $"the nominal path did not reach {target}; stuck in {Phase}");
            var step = path.Where(p => p.From == Phase).Select(p => p.Go).SingleOrDefault();
            Assert.True(step is not null, $"the nominal path does not lead from {Phase} to {target}");
            step!();
        }

        return this;
    }
}

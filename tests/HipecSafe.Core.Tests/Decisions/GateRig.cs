using HipecSafe.Core.Actuators;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Interlocks;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Sensors;
using HipecSafe.Core.Tests.Interlocks;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>
/// Drives a <see cref="SafetyGate"/> the way the runtime does: one decision per 100 ms cycle with the gate's state
/// threaded from each call to the next, the sensor board's counter advancing with every sample, and the actuator
/// board holding what the gate wrote (unless latched, <see cref="BoardEcho"/>) and reporting it back. The constructor
/// decides one baseline cycle with <see cref="InterlockRig.Running"/> in <see cref="Chemo"/>, so tests start with
/// the board running and the validator holding its references.
/// </summary>
internal sealed class GateRig
{
    /// <summary>A treatment phase with the pump at the default profile's 2.0 L/min and a 1500 mL reservoir.</summary>
    public static readonly ProcedureContext Chemo = new(Phase.ChemoPerfusion, VolumetricFlow.FromLitersPerMinute(2.0),
        Volume.FromMilliliters(1500), TimeSpan.Zero);

    public GateRig(Func<SensorFrame, SensorFrame>? initial = null, ProcedureContext? context = null, SafetyGate? gate = null,
        bool baseline = true)
    {
        Gate = gate ?? new SafetyGate(InterlockRig.Limits);
        State = Gate.Initial;
        Frame = (initial ?? (f => f))(InterlockRig.Nominal());
        Context = context ?? Chemo;
        if (baseline)
        {
            Decide(InterlockRig.Running);
        }
    }

    public SafetyGate Gate { get; }

    /// <summary>The gate's state after the last decision; the next starts from it.</summary>
    public GateState State { get; private set; }

    /// <summary>The last cycle decided (−1 before the first).</summary>
    public long Cycle { get; private set; } = -1;

    public TimeSpan Now { get; private set; } = -InterlockRig.Cycle;

    public SensorFrame Frame { get; set; }

    /// <summary>What the board holds in registers 0–3 (read back with FC 0x03); the gate's last write by default.</summary>
    public ActuatorCommand Held { get; set; } = InterlockRig.Running;

    /// <summary>Latch and fault bits of board_status on top of what the held outputs show.</summary>
    public BoardStatus BoardBits { get; set; }

    public Temperature LimiterTemperature { get; set; } = BoardEcho.CoolLimiter;

    public bool SensorReadFails { get; set; }

    public bool FeedbackReadFails { get; set; }

    public bool HeldReadFails { get; set; }

    /// <summary>When set, turns what a healthy board would report into what this board reports (a feedback fault).</summary>
    public Func<ActuatorFeedback, ActuatorFeedback>? FeedbackFault { get; set; }

    public int SensorFailures { get; set; }

    public int ActuatorFailures { get; set; }

    /// <summary>The command the bus last got through to the board.</summary>
    public ActuatorCommand? LastWritten { get; private set; }

    /// <summary>The procedure context the control lane sends with its desired command.</summary>
    public ProcedureContext Context { get; set; }

    public HealthStatus Health { get; set; } = HealthStatus.AllAnswered;

    public GateOutcome Last { get; private set; } = null!;

    public GateVerdict Verdict => Last.Verdict;

    public ushort Heartbeat { get; private set; }

    /// <summary>The readout the next cycle will see.</summary>
    public BoardReadout Readout() => new(
        SensorReadFails ? null : Frame, SensorReadFails ? "sensor board: response timeout" : null,
        FeedbackReadFails ? null : (FeedbackFault ?? (f => f))(BoardEcho.Reporting(Held, BoardBits, LimiterTemperature, Heartbeat)),
        FeedbackReadFails ? "actuator board: response timeout" : null,
        HeldReadFails ? null : new HeldCommand(Held, Heartbeat), HeldReadFails ? "actuator board: response timeout" : null,
        SensorFailures, ActuatorFailures, LastWritten);

    /// <summary>A desired command for the next cycle, as the control lane sends it.</summary>
    public DesiredCommand Desired(ActuatorCommand command, bool reset = false, bool release = false) =>
        new(Cycle + 1, command, Context, new ProcedureReport(Context.Phase, TimeSpan.Zero, [], null, []), reset, release);

    /// <summary>One cycle with the control lane's desired <paramref name="command"/> on time.</summary>
    public GateOutcome Decide(ActuatorCommand command, bool reset = false, bool release = false, params ComponentCrashed[] crashes) =>
        DecideWith(Desired(command, reset, release), crashes);

    /// <summary>One cycle in which the control lane's output did not arrive by the deadline.</summary>
    public GateOutcome DecideWithoutDesired(params ComponentCrashed[] crashes) => DecideWith(null, crashes);

    /// <summary>One cycle with exactly this desired command (null: none arrived) and, unless told, this rig's readout.</summary>
    public GateOutcome DecideWith(DesiredCommand? desired, IReadOnlyList<ComponentCrashed>? crashes = null, bool noReadout = false)
    {
        Cycle++;
        Now += InterlockRig.Cycle;
        Frame = Frame with { SampleCounter = unchecked((ushort)(Frame.SampleCounter + 1)) };
        var input = new GateInput(Cycle, Now, noReadout ? null : Readout(), Health, desired, crashes ?? []);
        Last = Gate.Decide(State, input);
        State = Last.State;
        Write(Last.Verdict);
        return Last;
    }

    /// <summary>Cycles with the same desired command until <paramref name="duration"/> has passed.</summary>
    public GateOutcome Run(TimeSpan duration, ActuatorCommand command)
    {
        var end = Now + duration;
        while (Now < end)
        {
            Decide(command);
        }

        return Last;
    }

    public bool IsActive(string ruleId) => Verdict.ActiveTrips.Any(t => t.RuleId == ruleId);

    /// <summary>The constraints a rule (gate or interlock) put on this cycle's command, in the order given.</summary>
    public IReadOnlyList<ConstraintReason> ReasonsBy(string ruleId) => Verdict.Reasons.Where(r => r.RuleId == ruleId).ToList();

    /// <summary>The reasons a rule whose action is the safe command records: heater off, pump stop, clamp closed.</summary>
    public static IReadOnlyList<ConstraintReason> SafeCommandBy(string ruleId, string hazardId) =>
    [
        new(ConstraintAction.HeaterOff, ruleId, hazardId),
        new(ConstraintAction.PumpStop, ruleId, hazardId),
        new(ConstraintAction.ClampClose, ruleId, hazardId),
    ];

    private void Write(GateVerdict verdict)
    {
        if (verdict.HeartbeatPermitted)
        {
            Heartbeat = unchecked((ushort)(Heartbeat + 1));
        }

        LastWritten = verdict.Command;
        Held = BoardEcho.HoldsAfterWriting(verdict.Command, BoardBits);
    }
}

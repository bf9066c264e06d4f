using HipecSafe.Core.Alarms;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks.Rules;

/// <summary>
/// IL-HEARTBEAT-ECHO: the actuator board's heartbeat_echo, "the last heartbeat value the board received" (docs/icd.md
/// §6.2), is none of the heartbeats the bus wrote before the read. The feedback is read before the cycle's write
/// (docs/icd.md §4), so the echo must be the heartbeat of the last acknowledged write — or of a later write whose reply
/// was lost, which may still have reached the board. Anything else means the writes do not reach the board, or the
/// readout is not the board's answer to this read (a late reply taken for it: Modbus RTU has no transaction id), so
/// nothing the controller commands is known to arrive: the same loss of the actuator link as IL-BUS-ACTUATOR, with
/// the same response. The comparison is with what was written, never with what the gate meant: a withheld heartbeat
/// is written unchanged, and the echo rightly stays.
/// </summary>
public sealed class HeartbeatEchoRule : InterlockRule
{
    public HeartbeatEchoRule()
        : base(
            "IL-HEARTBEAT-ECHO",
            "Actuator board does not echo the heartbeat written",
            Hazards.LossOfControl,
            "SRS-IL-067",
            AlarmPriority.High,
            InterlockResponse.SafeState | InterlockResponse.PumpStop,
            ClearCondition.OperatorReset,
            InterlockTimings.HeartbeatEchoPersistence,
            InterlockPhases.All,
            "heartbeat_echo not among the heartbeats written since the last acknowledged write")
    {
    }

    public override RuleCheck Check(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input;
        if (input.Actuators is not { } feedback)
        {
            return RuleCheck.Unknown(RuleReadings.NoFeedback);
        }

        if (input.Heartbeat is not { } written)
        {
            return RuleCheck.Unknown("no heartbeat write acknowledged by the actuator board yet");
        }

        return RuleCheck.Compare(!written.Admits(feedback.HeartbeatEcho),
            new DeferredMeasurement("heartbeat_echo", feedback.HeartbeatEcho, "", "≠ heartbeat written", written.Acknowledged, context,
                static c => c.Input.Heartbeat is { } w && w.Sent != w.Acknowledged ? $"nor any sent since, up to {w.Sent}" : null));
    }
}

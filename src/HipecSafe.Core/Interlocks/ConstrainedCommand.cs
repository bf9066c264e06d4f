using HipecSafe.Core.Actuators;

namespace HipecSafe.Core.Interlocks;

/// <summary>One actuator action an interlock forces.</summary>
public enum ConstraintAction
{
    HeaterOff,
    PumpStop,
    ClampClose,
}

/// <summary>Why the command was constrained: one action by one rule, e.g. "heater off: IL-AIR (HAZ-005)".</summary>
public sealed record ConstraintReason(ConstraintAction Action, string RuleId, string HazardId)
{
    public override string ToString() => $"{ActionText(Action)}: {RuleId} ({HazardId})";

    private static string ActionText(ConstraintAction action) => action switch
    {
        ConstraintAction.HeaterOff => "heater off",
        ConstraintAction.PumpStop => "pump stop",
        ConstraintAction.ClampClose => "clamp closed",
        _ => action.ToString(),
    };
}

/// <summary>
/// Control's desired command after the interlocks (AndroidAPS <c>Constraint</c>: the value plus every named limit that
/// applies to it). Reasons list every action in force, also when control already asked for the same, so the log shows
/// what holds the heater off even while control happens to agree.
/// </summary>
public sealed record ConstrainedCommand(ActuatorCommand Desired, ActuatorCommand Command, IReadOnlyList<ConstraintReason> Reasons)
{
    public bool IsConstrained => Reasons.Count > 0;

    public bool ChangedDesired => Desired != Command;
}

using HipecSafe.Core.Actuators;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Sensors.Validation;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// The result of one <see cref="InterlockEngine.Evaluate"/>: active trips in rule order, what changed since the
/// previous evaluation, the validated sensors and the inflow reading control must use, and the actuator constraint.
/// </summary>
public sealed record InterlockEvaluation(
    TimeSpan Now,
    IReadOnlyList<InterlockTrip> Active,
    IReadOnlyList<InterlockTrip> Raised,
    IReadOnlyList<ClearedTrip> Cleared,
    ValidatedFrame Sensors,
    InflowReading Inflow)
{
    /// <summary>The union of the responses of all active trips.</summary>
    public InterlockResponse CombinedResponse
    {
        get
        {
            var combined = InterlockResponse.None;
            for (var i = 0; i < Active.Count; i++)
            {
                combined |= Active[i].Response;
            }

            return combined;
        }
    }

    /// <summary>Some active trip asks the phase machine for SafeState.</summary>
    public bool RequiresSafeState => CombinedResponse.HasFlag(InterlockResponse.EnterSafeState);

    public AlarmPriority? HighestPriority => Active.Count == 0 ? null : Active.Max(t => t.Priority);

    /// <summary>Rule IDs of latched trips not yet reset (the phase machine's <c>ActiveLatchedCauses</c>).</summary>
    public IReadOnlyList<string> LatchedRuleIds => Active.Where(t => t.IsLatched).Select(t => t.RuleId).ToList();

    /// <summary>
    /// Clamps control's desired command through every active trip: heater off (power 0, relay open), pump speed 0,
    /// clamp closed — each with the rule and hazard that demanded it. Never loosens anything control asked for.
    /// </summary>
    public ConstrainedCommand Constrain(ActuatorCommand desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (Active.Count == 0)
        {
            return new ConstrainedCommand(desired, desired, []);
        }

        var command = desired;
        var reasons = new List<ConstraintReason>();
        foreach (var trip in Active)
        {
            if (trip.Response.HasFlag(InterlockResponse.HeaterOff))
            {
                command = command.WithHeaterOff();
                reasons.Add(new ConstraintReason(ConstraintAction.HeaterOff, trip.RuleId, trip.HazardId));
            }

            if (trip.Response.HasFlag(InterlockResponse.PumpStop))
            {
                command = command with { PumpSpeedRpm = 0 };
                reasons.Add(new ConstraintReason(ConstraintAction.PumpStop, trip.RuleId, trip.HazardId));
            }

            if (trip.Response.HasFlag(InterlockResponse.ClampClose))
            {
                command = command with { ClampOpen = false };
                reasons.Add(new ConstraintReason(ConstraintAction.ClampClose, trip.RuleId, trip.HazardId));
            }
        }

        return new ConstrainedCommand(desired, command, reasons);
    }
}

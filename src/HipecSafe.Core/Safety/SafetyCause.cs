namespace HipecSafe.Core.Safety;

/// <summary>
/// Why the device latched its safe state: a typed cause (kind and source) with the detail that was measured or
/// thrown. Two causes of the same kind and source are the same cause: a cause is latched once, however often it is
/// seen again while latched. Its text is what the operator and the hazard log read, e.g.
/// "IL-INFLOW-HIGH: higher of inflow A/B 45.20 °C ≥ 45.00 °C" or "watchdog: controlloop: not answering health pings".
/// </summary>
public sealed record SafetyCause(SafetyCauseKind Kind, string Source, string Detail)
{
    public static SafetyCause Interlock(string ruleId, string measured) => new(SafetyCauseKind.Interlock, ruleId, measured);

    public static SafetyCause ComponentFailed(string component) =>
        new(SafetyCauseKind.ComponentFailed, component, "not answering health pings");

    public static SafetyCause ComponentCrashed(string component, string exception) => new(SafetyCauseKind.ComponentCrashed, component, exception);

    public static SafetyCause SelfTestFailed(string reason) => new(SafetyCauseKind.SelfTest, "self-test", reason);

    public static SafetyCause MachineException(string text) => new(SafetyCauseKind.PhaseMachine, "phase machine", text);

    public static SafetyCause Other(string text) => new(SafetyCauseKind.Other, text, text);

    /// <summary>Names the cause without its detail: the rule ID, "watchdog: X", "crash: X".</summary>
    public string Key => Kind switch
    {
        SafetyCauseKind.ComponentFailed => $"watchdog: {Source}",
        SafetyCauseKind.ComponentCrashed => $"crash: {Source}",
        _ => Source,
    };

    public bool SameSourceAs(SafetyCause other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Kind == other.Kind && string.Equals(Source, other.Source, StringComparison.Ordinal);
    }

    public override string ToString() => Kind is SafetyCauseKind.SelfTest or SafetyCauseKind.PhaseMachine or SafetyCauseKind.Other
        ? Detail
        : $"{Key}: {Detail}";
}

using HipecSafe.Core.Quantities;

namespace HipecSafe.Hil.Scenarios;

/// <summary>
/// One entry of a scenario's <c>faults:</c> list: when it starts, what it targets, its kind and parameters as
/// written (<see cref="Params"/>, for reports), how long it lasts (<see cref="For"/>; null = until the end) and the
/// validated action the injector performs.
/// </summary>
public sealed record FaultSpec(int Index, FaultTrigger At, string Target, string Kind, string Params, Duration? For, FaultAction Action)
{
    public string Describe() =>
        $"{At.Describe()} → {Target} {Kind}{(Params.Length > 0 ? " " + Params : "")}{(For is { } f ? $" for {DurationText.Format(f)}" : "")}";
}

using HipecSafe.Core.Phases;

namespace HipecSafe.Hil.Oracle;

/// <summary>
/// One single fault as the oracle judges it: target and kind as a scenario writes them, the phase it hits and how long
/// after the phase was entered, its numeric parameters (durations in seconds) and its length (null: to the end).
/// </summary>
public sealed record FaultCase(string Target, string Kind, Phase Phase, TimeSpan After, IReadOnlyDictionary<string, double> Params, TimeSpan? For)
{
    public double? Param(string name) => Params.TryGetValue(name, out var v) ? v : null;
}

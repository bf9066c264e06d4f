namespace HipecSafe.Core.Requirements;

/// <summary>
/// The scenario side of the trace: the scenario files that exist (names without .yaml), the links read from
/// safety/scenario-trace.yaml and the problems met reading it.
/// </summary>
public sealed record ScenarioTrace(IReadOnlyCollection<string> ScenarioFiles, IReadOnlyList<ScenarioLink> Links, IReadOnlyList<string> Problems);

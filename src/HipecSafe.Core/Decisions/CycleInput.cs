using HipecSafe.Core.Operations;

namespace HipecSafe.Core.Decisions;

/// <summary>What one cycle takes in from outside the controller's decision units.</summary>
public sealed record CycleInput(
    long Cycle,
    TimeSpan Now,
    BoardReadout Readout,
    HealthStatus Health,
    IReadOnlyList<OperatorAction> Commands,
    IReadOnlyList<TechnicalEvent> Events);

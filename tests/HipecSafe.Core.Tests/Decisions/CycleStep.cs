using HipecSafe.Core.Decisions;
using HipecSafe.Core.Operations;

namespace HipecSafe.Core.Tests.Decisions;

/// <summary>One cycle of a random script for the whole cycle core: the boards' step, the watchdog's round, the operator, events.</summary>
internal sealed record CycleStep(BoardStep Board, HealthStatus Health, OperatorAction[] Commands, TechnicalEvent[] Events);

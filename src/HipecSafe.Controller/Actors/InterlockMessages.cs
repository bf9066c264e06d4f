using HipecSafe.Core.Interlocks;

namespace HipecSafe.Controller.Actors;

/// <summary>Supervisor → Interlocks: operator reset of every latched trip whose condition has cleared.</summary>
internal sealed record ResetInterlocks(TimeSpan Now, DateTimeOffset WallClock);

/// <summary>Interlocks → Supervisor: what the reset did, trip by trip.</summary>
internal sealed record InterlocksReset(IReadOnlyList<ResetOutcome> Outcomes);

using Akka.Actor;
using HipecSafe.Core.Interlocks;

namespace HipecSafe.Controller.Actors;

/// <summary>
/// Supervisor → Interlocks: operator reset of every latched trip whose condition has cleared. With
/// <paramref name="RetryOnNextSample"/> the reset is tried again on the next sample, for the board's latches, which
/// clear only once the bus has written the latch reset and the board reports it. <paramref name="ReplyTo"/> gets
/// the operator's answer when the reset is an interlock-only reset (outside SafeState).
/// </summary>
internal sealed record ResetInterlocks(TimeSpan Now, DateTimeOffset WallClock, IActorRef? ReplyTo, bool RetryOnNextSample);

/// <summary>Interlocks → Supervisor: what the reset did, trip by trip.</summary>
internal sealed record InterlocksReset(IReadOnlyList<ResetOutcome> Outcomes);

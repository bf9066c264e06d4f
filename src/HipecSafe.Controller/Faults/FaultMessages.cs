namespace HipecSafe.Controller.Faults;

/// <summary>A component's actor threw; sent from its PreRestart to its parent, which tells the decision units.</summary>
public sealed record ActorCrashed(string Component, string Exception, object? LostMessage);

/// <summary>
/// A component will not answer health pings before round <paramref name="UntilRound"/> (published on the event stream
/// by whatever holds it, e.g. a test harness injecting a stall), so a lockstep driver does not wait for it.
/// </summary>
public sealed record ComponentSuspended(string Component, long UntilRound);

/// <summary>A suspended component held back a message (published on the event stream), so a lockstep cycle may go no further.</summary>
public sealed record StallAbsorbed(string Component, string MessageType);

namespace HipecSafe.Controller.Faults;

/// <summary>Fault injection (armed rigs only): the receiving actor throws while handling this message.</summary>
public sealed record InjectCrash(string Reason);

/// <summary>
/// Fault injection: the receiving actor stops responding. In real time it blocks its thread for the duration (a hung
/// actor); in lockstep it holds every message back for the duration in cycles, so the run stays deterministic.
/// </summary>
public sealed record InjectStall(TimeSpan Duration);

/// <summary>A stalled actor (lockstep) tells the listener it held back a message, so the driver knows the cycle can go no further.</summary>
public sealed record StallAbsorbed(string Component, string MessageType);

/// <summary>A component's actor threw; sent from its PreRestart to the root, which tells the supervisor.</summary>
public sealed record ActorCrashed(string Component, string Exception, object? LostMessage);

/// <summary>The exception an injected crash throws.</summary>
public sealed class InjectedFaultException : Exception
{
    public InjectedFaultException() { }

    public InjectedFaultException(string message) : base(message) { }

    public InjectedFaultException(string message, Exception inner) : base(message, inner) { }
}

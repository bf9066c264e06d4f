using Akka.Actor;
using HipecSafe.Core.Profile;

namespace HipecSafe.Controller;

/// <summary>
/// What every controller actor shares: the clock mode, the profile, and the references to its sibling actors.
/// The references are filled by the root right after it creates its children, before any message flows.
/// </summary>
internal sealed class ControllerEnvironment(ClockMode mode, TimeSpan cyclePeriod, TreatmentProfile profile, IActorRef listener)
{
    public ClockMode Mode { get; } = mode;

    public TimeSpan CyclePeriod { get; } = cyclePeriod;

    public TreatmentProfile Profile { get; } = profile;

    /// <summary>Receives cycle reports, round progress and stall notices (the lockstep driver or a display).</summary>
    public IActorRef Listener { get; } = listener;

    /// <summary>The latest cycle started (set by the watchdog), for records made outside the cycle chain.</summary>
    public Cycle.CycleTick? LastTick { get; set; }

    public IActorRef Supervisor { get; set; } = ActorRefs.Nobody;

    public IActorRef ControlLoop { get; set; } = ActorRefs.Nobody;

    public IActorRef Interlocks { get; set; } = ActorRefs.Nobody;

    public IActorRef Watchdog { get; set; } = ActorRefs.Nobody;

    public IActorRef Alarms { get; set; } = ActorRefs.Nobody;

    public IActorRef HazardLog { get; set; } = ActorRefs.Nobody;

    public IActorRef BoardBus { get; set; } = ActorRefs.Nobody;
}

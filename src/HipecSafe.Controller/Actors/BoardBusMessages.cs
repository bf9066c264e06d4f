namespace HipecSafe.Controller.Actors;

/// <summary>Root → BoardBus: a component is gone for good; hold the actuators safe and stop the heartbeat.</summary>
internal sealed record ForceSafe(string Reason);

/// <summary>Supervisor → BoardBus: the operator reset was accepted; end the safe override and reset the board latch.</summary>
internal sealed record ClearSafeOverride;

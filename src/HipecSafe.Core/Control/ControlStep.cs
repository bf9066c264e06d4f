namespace HipecSafe.Core.Control;

/// <summary>The result of <see cref="ControlLaw.Step"/>: this cycle's output and the state to pass to the next step.</summary>
public sealed record ControlStep(ControlOutput Output, ControlLawState State);

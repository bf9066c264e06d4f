namespace HipecSafe.Core.Control;

/// <summary>The result of <see cref="Pid.Step"/>: the terms of this step and the loop's state for the next.</summary>
public readonly record struct PidStep(PidTerms Terms, PidState State);

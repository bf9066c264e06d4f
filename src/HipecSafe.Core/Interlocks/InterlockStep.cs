namespace HipecSafe.Core.Interlocks;

/// <summary>The result of one <see cref="InterlockEngine.Evaluate"/>: the verdict and the state to pass to the next call.</summary>
public sealed record InterlockStep(InterlockEvaluation Evaluation, InterlockEngineState State);

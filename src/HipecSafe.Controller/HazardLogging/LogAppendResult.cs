namespace HipecSafe.Controller.HazardLogging;

/// <summary>
/// The outcome of an append and, when the record reached the file, its sequence number. (A <see cref="LogAppendOutcome.Written"/>
/// record whose later fsync fails is written again from memory; it keeps its number unless the spill buffer has to drop it.)
/// </summary>
public readonly record struct LogAppendResult(LogAppendOutcome Outcome, long? Sequence);

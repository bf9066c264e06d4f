namespace HipecSafe.Core.Interlocks;

/// <summary>
/// What a rule with memory (<see cref="InterlockRule{TMemory}"/>) remembers from one evaluation to the next. The
/// engine keeps it in <see cref="InterlockEngineState"/>, never the rule, so one rule object can serve independent
/// states. Subtypes are immutable records: value equality makes states comparable.
/// </summary>
public abstract record RuleMemory;

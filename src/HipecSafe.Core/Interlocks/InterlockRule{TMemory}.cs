using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// An interlock rule whose arming depends on what it saw in earlier evaluations. The memory is a typed, immutable
/// value that the engine stores in its state and hands back at the next evaluation; the rule object itself keeps
/// nothing, so it stays a pure function of (inputs, memory).
/// </summary>
/// <typeparam name="TMemory">The rule's memory; an immutable record.</typeparam>
public abstract class InterlockRule<TMemory> : InterlockRule
    where TMemory : RuleMemory
{
    protected InterlockRule(
        string id,
        string title,
        string hazardId,
        string requirementId,
        AlarmPriority priority,
        InterlockResponse response,
        ClearCondition clear,
        Duration persistence,
        IReadOnlySet<Phase> phases,
        string condition)
        : base(id, title, hazardId, requirementId, priority, response, clear, persistence, phases, condition)
    {
    }

    public sealed override RuleMemory InitialMemory => Initial;

    /// <summary>The memory before the first evaluation.</summary>
    protected abstract TMemory Initial { get; }

    public sealed override RuleArming Arm(InterlockContext context, RuleMemory? memory)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (memory is not TMemory typed)
        {
            throw new ArgumentException(
                $"rule {Id} remembers a {typeof(TMemory).Name}, not {memory?.GetType().Name ?? "nothing"}: a state from another engine?",
                nameof(memory));
        }

        var (applies, next) = ArmWith(context, typed);
        return new RuleArming(applies, next);
    }

    public sealed override RuleCheck Check(InterlockContext context, RuleMemory? memory, bool tripActive)
    {
        ArgumentNullException.ThrowIfNull(context);
        return memory is TMemory typed
            ? CheckWith(context, typed, tripActive)
            : throw new ArgumentException(
                $"rule {Id} remembers a {typeof(TMemory).Name}, not {memory?.GetType().Name ?? "nothing"}: a state from another engine?",
                nameof(memory));
    }

    /// <summary>Whether the rule is armed now given <paramref name="memory"/>, and what it remembers for the next evaluation.</summary>
    protected abstract (bool Applies, TMemory Memory) ArmWith(InterlockContext context, TMemory memory);

    /// <summary>
    /// The condition given what the rule remembers after this evaluation's arming (a condition that needs earlier
    /// readings: a frozen value, a rate, something seen once). The default needs no memory.
    /// </summary>
    protected virtual RuleCheck CheckWith(InterlockContext context, TMemory memory, bool tripActive) => Check(context, tripActive);
}

using HipecSafe.Core.Actuators;
using System.Text.RegularExpressions;
using HipecSafe.Core.Alarms;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Core.Safety;

namespace HipecSafe.Core.Interlocks;

/// <summary>
/// One declarative interlock rule: identity and trace (rule, hazard, requirement), what it does when it trips
/// (priority, response, clear condition, persistence, phases) and one pure check of the current inputs. The engine
/// owns timers and latching, and keeps in its state what a rule with memory remembers
/// (<see cref="InterlockRule{TMemory}"/>); a rule only says whether its condition holds now.
/// </summary>
public abstract partial class InterlockRule
{
    [GeneratedRegex("^IL-[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"^SRS-IL-\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequirementIdPattern();

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
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (!RuleIdPattern().IsMatch(id ?? ""))
        {
            throw new ArgumentException($"rule ID '{id}' must look like IL-WORD(-WORD)*", nameof(id));
        }

        if (!Hazards.All.Any(h => h.Id == hazardId))
        {
            throw new ArgumentException($"rule {id}: hazard '{hazardId}' is not in the hazard register", nameof(hazardId));
        }

        if (!RequirementIdPattern().IsMatch(requirementId ?? ""))
        {
            throw new ArgumentException($"rule {id}: requirement '{requirementId}' must look like SRS-IL-NNN", nameof(requirementId));
        }

        // No heating without flow: a heater on a stopped pump overheats the fluid standing in it.
        if (response.HasFlag(InterlockResponse.PumpStop) && !response.HasFlag(InterlockResponse.HeaterOff))
        {
            throw new ArgumentException($"rule {id}: a response that stops the pump must also switch the heater off", nameof(response));
        }

        if (persistence < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(persistence), persistence, $"rule {id}: persistence must not be negative");
        }

        Id = id!;
        Title = title;
        HazardId = hazardId;
        RequirementId = requirementId!;
        Priority = priority;
        Response = response;
        Clear = clear;
        Persistence = persistence;
        Phases = phases;
        Condition = condition;
        _armedIn = new bool[Enum.GetValues<Phase>().Max(p => (int)p) + 1];
        foreach (var phase in phases)
        {
            if ((int)phase >= 0 && (int)phase < _armedIn.Length)
            {
                _armedIn[(int)phase] = true;
            }
        }
    }

    // Phases as a table: AppliesTo runs for every rule every cycle, a set lookup through an interface each time.
    private readonly bool[] _armedIn;

    public string Id { get; }

    public string Title { get; }

    public string HazardId { get; }

    public string RequirementId { get; }

    public AlarmPriority Priority { get; }

    public InterlockResponse Response { get; }

    public ClearCondition Clear { get; }

    /// <summary>How long the condition must hold without a Clear verdict before the rule trips (0 = at once).</summary>
    public Duration Persistence { get; }

    /// <summary>Phases in which the rule may raise or hold a non-latched trip.</summary>
    public IReadOnlySet<Phase> Phases { get; }

    /// <summary>
    /// The actuator board latch this rule reports (watchdog safe latch, limiter), which the board releases only on a
    /// latch_reset (docs/icd.md); <see cref="BoardStatus.None"/> for every rule that is not a board latch.
    /// </summary>
    public virtual BoardStatus BoardLatch => BoardStatus.None;

    /// <summary>The condition in words with its limit, e.g. "higher of inflow A/B ≥ 45.00 °C".</summary>
    public string Condition { get; }

    /// <summary>
    /// Whether the rule is armed now. Rules with extra arming conditions (flow settle time) override this. For a rule
    /// with memory (<see cref="InterlockRule{TMemory}"/>) this is only the part that needs none (its phases).
    /// </summary>
    public virtual bool AppliesTo(InterlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var phase = (int)context.Input.Phase;
        return phase >= 0 && phase < _armedIn.Length ? _armedIn[phase] : Phases.Contains(context.Input.Phase);
    }

    /// <summary>What the rule remembers before its first evaluation; null (the default) for a rule without memory.</summary>
    public virtual RuleMemory? InitialMemory => null;

    /// <summary>
    /// Whether the rule is armed now, given what it remembered after the previous evaluation, and what it remembers
    /// after this one. The engine calls this once per evaluation and keeps the memory in its state, not in the rule.
    /// A rule without memory answers <see cref="AppliesTo"/> and remembers nothing.
    /// </summary>
    public virtual RuleArming Arm(InterlockContext context, RuleMemory? memory) => new(AppliesTo(context), null);

    /// <summary>
    /// The condition on the current inputs, regardless of phase: the engine also uses it to judge an operator reset,
    /// which must be refused while the condition holds even in a phase where the rule would not trip.
    /// </summary>
    public abstract RuleCheck Check(InterlockContext context);

    /// <summary>
    /// The profile's alarm limits a rule's constructor reads before its own body runs (in the base call's description):
    /// refused there when missing, named as the argument.
    /// </summary>
    protected static AlarmLimits NotNull(AlarmLimits limits, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(limits))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(limits, name);
        return limits;
    }

    /// <summary>
    /// The condition given whether this rule's trip is active. A non-latched rule with a clear margin (hysteresis,
    /// hazard analysis OI-21) keeps holding while its trip is active until the value is past the margin, so a value
    /// sitting at the limit does not raise and clear the alarm cycle after cycle. Without a margin: <see cref="Check(InterlockContext)"/>.
    /// </summary>
    public virtual RuleCheck Check(InterlockContext context, bool tripActive) => Check(context);

    /// <summary>
    /// The condition as the engine judges it in one evaluation: with what the rule remembers after this evaluation's
    /// arming (<see cref="InterlockRule{TMemory}"/>; null for a rule without memory) and whether its trip is active.
    /// </summary>
    public virtual RuleCheck Check(InterlockContext context, RuleMemory? memory, bool tripActive) => Check(context, tripActive);

    /// <summary>
    /// The time margin of a non-latched rule whose condition is a flag or a count, which has no value to put a margin
    /// on (OI-21): its trip ends only once the condition has stayed clear this long, so an intermittent fault is one
    /// alarm, not a stream of raise/clear pairs. Zero (the default): the trip ends as soon as the condition clears.
    /// </summary>
    public virtual Duration ClearAfter => Duration.Zero;

    public override string ToString() => $"{Id} ({HazardId}, {RequirementId})";
}

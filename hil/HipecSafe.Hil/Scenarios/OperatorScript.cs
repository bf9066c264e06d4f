using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;

namespace HipecSafe.Hil.Scenarios;

/// <summary>What a scripted operator step does (<c>operator_script[].action</c>).</summary>
public enum ScriptedAction
{
    /// <summary>Press Pause once.</summary>
    Pause,

    /// <summary>Press Resume once.</summary>
    Resume,

    /// <summary>Press Acknowledge once, whatever the alarms' state (the careful operator acknowledges only cleared ones).</summary>
    Acknowledge,

    /// <summary>From then on never press <see cref="OperatorStep.Refused"/>.</summary>
    Refuse,
}

/// <summary>One entry of <c>operator_script:</c>: when (the fault trigger syntax) and what the operator does.</summary>
public sealed record OperatorStep(int Index, FaultTrigger At, ScriptedAction Action, OperatorAction? Refused)
{
    public string Describe() => $"{At.Describe()} → {Action.ToString().ToLowerInvariant()}{(Refused is { } r ? " " + r : "")}";
}

/// <summary>An operator step with when it fired, or why it did not.</summary>
public sealed record OperatorStepActivation(OperatorStep Step, TimeSpan? FiredAt, string? NotFiredReason);

/// <summary>
/// Plays a scenario's operator script next to the careful auto operator: each step fires once, at the first cycle at
/// or after its trigger (a time from the start, or time since the procedure first entered a phase, while still in it,
/// as for faults). Decided from cycle reports alone, so a run stays deterministic.
/// </summary>
public sealed class OperatorScript(IReadOnlyList<OperatorStep> steps)
{
    private readonly TimeSpan?[] _fired = new TimeSpan?[steps.Count];
    private readonly string?[] _missed = new string?[steps.Count];
    private readonly Dictionary<Phase, TimeSpan> _entered = [];

    public IReadOnlyList<OperatorStepActivation> Activations => [.. steps.Select((s, i) => new OperatorStepActivation(s, _fired[i], _missed[i]))];

    /// <summary>What the script does after this report: presses, and steps to refuse from now on.</summary>
    public (IReadOnlyList<OperatorAction> Presses, IReadOnlyList<OperatorAction> Refusals) Decide(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = report.Tick.Time;
        _entered.TryAdd(report.Phase, now);
        var presses = new List<OperatorAction>();
        var refusals = new List<OperatorAction>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (_fired[i] is not null || _missed[i] is not null || !steps[i].At.IsDue(now, report.Phase, _entered, out _missed[i]))
            {
                continue;
            }

            _fired[i] = now;
            switch (steps[i].Action)
            {
                case ScriptedAction.Pause:
                    presses.Add(OperatorAction.Pause);
                    break;
                case ScriptedAction.Resume:
                    presses.Add(OperatorAction.Resume);
                    break;
                case ScriptedAction.Acknowledge:
                    presses.Add(OperatorAction.AcknowledgeAlarms);
                    break;
                default:
                    refusals.Add(steps[i].Refused!.Value);
                    break;
            }
        }

        return (presses, refusals);
    }

    /// <summary>At the end of the run: why each step that never fired did not.</summary>
    public void Finish(TimeSpan end, string endReason)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (_fired[i] is null && _missed[i] is null)
            {
                _missed[i] = steps[i].At.NotFiredReason(_entered, end, endReason);
            }
        }
    }
}

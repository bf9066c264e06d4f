using HipecSafe.Core.Collections;

namespace HipecSafe.Core.Phases;

/// <summary>Outcome of judging the power-on self-test so far.</summary>
public enum SelfTestStatus
{
    Pending,
    Passed,
    Failed,
}

/// <summary>
/// Judges the power-on self-test from what each cycle found wrong (both boards answering, every channel valid,
/// no interlock active, board out of its power-on safe hold). It passes after <see cref="RequiredGoodCycles"/>
/// consecutive clean cycles and fails, naming the last problems, if that has not happened within
/// <see cref="MaxCycles"/> (SRS-PH-001, SRS-PH-002). Counting cycles, not reading a clock, keeps it deterministic.
/// An immutable value: <see cref="Judge"/> returns the judge after one more cycle.
/// </summary>
public sealed record SelfTestJudge
{
    public const int RequiredGoodCycles = 5;
    public const int MaxCycles = 50;

    public static SelfTestJudge Initial { get; } = new();

    public int Cycles { get; private init; }

    public int GoodInARow { get; private init; }

    public ValueList<string> LastProblems { get; private init; } = ValueList.Empty<string>();

    public SelfTestStatus Status { get; private init; } = SelfTestStatus.Pending;

    /// <summary>Why it failed (the problems of the last unclean cycle), once <see cref="Status"/> is Failed.</summary>
    public string FailureReason => "self-test failed: " + string.Join("; ", LastProblems);

    /// <summary>The judge after one more cycle with these problems (none: a clean cycle); a verdict, once given, stays.</summary>
    public SelfTestJudge Judge(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Status != SelfTestStatus.Pending)
        {
            return this;
        }

        var cycles = Cycles + 1;
        var good = problems.Count == 0 ? GoodInARow + 1 : 0;
        return this with
        {
            Cycles = cycles,
            GoodInARow = good,
            LastProblems = problems.Count == 0 ? LastProblems : ValueList.From(problems),
            Status = good >= RequiredGoodCycles ? SelfTestStatus.Passed
                : cycles >= MaxCycles ? SelfTestStatus.Failed
                : SelfTestStatus.Pending,
        };
    }
}

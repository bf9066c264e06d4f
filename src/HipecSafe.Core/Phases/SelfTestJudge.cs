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
/// A restarted controller's self-test may also wait (<see cref="RestartSelfTest.CoolingWait"/>): a cycle whose only
/// problem is the wait is counted against its own bound, not against <see cref="MaxCycles"/> (SRS-RS-009).
/// An immutable value: <see cref="Judge(IReadOnlyList{string})"/> returns the judge after one more cycle.
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

    /// <summary>Cycles spent waiting (nothing wrong but the wait).</summary>
    public int WaitCycles { get; private init; }

    /// <summary>What the last cycle waited for; null when it did not wait.</summary>
    public string? Waiting { get; private init; }

    /// <summary>Why it failed (the problems of the last unclean cycle), once <see cref="Status"/> is Failed.</summary>
    public string FailureReason => "self-test failed: " + string.Join("; ", LastProblems);

    /// <summary>The judge after one more cycle with these problems (none: a clean cycle); a verdict, once given, stays.</summary>
    public SelfTestJudge Judge(IReadOnlyList<string> problems) => Judge(problems, null, 0);

    /// <summary>
    /// The judge after one more cycle with these problems and, if not null, a wait. A cycle with no problem but the
    /// wait is a waiting cycle: not clean, not counted against <see cref="MaxCycles"/>, failing the test once
    /// <paramref name="maxWaitCycles"/> of them have passed. A cycle with problems counts as before, the wait named
    /// among them.
    /// </summary>
    public SelfTestJudge Judge(IReadOnlyList<string> problems, string? wait, int maxWaitCycles)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Status != SelfTestStatus.Pending)
        {
            return this;
        }

        if (wait is not null)
        {
            if (problems.Count == 0)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(maxWaitCycles, 1);
                var waited = WaitCycles + 1;
                return this with
                {
                    WaitCycles = waited,
                    GoodInARow = 0,
                    Waiting = wait,
                    LastProblems = ValueList.From<string>([$"waited {waited} cycles (at most {maxWaitCycles}): {wait}"]),
                    Status = waited >= maxWaitCycles ? SelfTestStatus.Failed : SelfTestStatus.Pending,
                };
            }

            problems = [.. problems, wait];
        }

        var cycles = Cycles + 1;
        var good = problems.Count == 0 ? GoodInARow + 1 : 0;
        return this with
        {
            Cycles = cycles,
            GoodInARow = good,
            Waiting = null,
            LastProblems = problems.Count == 0 ? LastProblems : ValueList.From(problems),
            Status = good >= RequiredGoodCycles ? SelfTestStatus.Passed
                : cycles >= MaxCycles ? SelfTestStatus.Failed
                : SelfTestStatus.Pending,
        };
    }
}

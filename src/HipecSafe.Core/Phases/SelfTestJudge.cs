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
/// no interlock active, board not latched). It passes after <see cref="RequiredGoodCycles"/> consecutive clean
/// cycles and fails, naming the last problems, if that has not happened within <see cref="MaxCycles"/>
/// (SRS-PH-001, SRS-PH-002). Counting cycles, not reading a clock, keeps it deterministic.
/// </summary>
public sealed class SelfTestJudge
{
    public const int RequiredGoodCycles = 5;
    public const int MaxCycles = 50;

    private int _cycles;
    private int _good;
    private IReadOnlyList<string> _lastProblems = [];

    public SelfTestStatus Status { get; private set; } = SelfTestStatus.Pending;

    /// <summary>Why it failed (the problems of the last unclean cycle), once <see cref="Status"/> is Failed.</summary>
    public string FailureReason => "self-test failed: " + string.Join("; ", _lastProblems);

    public SelfTestStatus Judge(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Status != SelfTestStatus.Pending)
        {
            return Status;
        }

        _cycles++;
        if (problems.Count == 0)
        {
            _good++;
        }
        else
        {
            _good = 0;
            _lastProblems = problems;
        }

        Status = _good >= RequiredGoodCycles ? SelfTestStatus.Passed
            : _cycles >= MaxCycles ? SelfTestStatus.Failed
            : SelfTestStatus.Pending;
        return Status;
    }
}

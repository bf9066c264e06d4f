using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;

namespace HipecSafe.DeviceHost;

/// <summary>How <see cref="DeviceRun"/> watches a running device.</summary>
public sealed record DeviceRunOptions(TextWriter Output, TextWriter Error)
{
    /// <summary>Stop after this long (null: until the outcome, or a stop signal).</summary>
    public TimeSpan? Limit { get; init; }

    /// <summary>What the limit is called where it was set (e.g. the command-line option), for the line that says it was reached.</summary>
    public string LimitName { get; init; } = "time limit";

    /// <summary>End the run when the procedure is Complete or in a protective state (a verification run); a service keeps running.</summary>
    public bool EndOnOutcome { get; init; } = true;

    /// <summary>Presses decided from each cycle report (an automatic operator), or null.</summary>
    public Func<CycleReport, IReadOnlyList<(OperatorAction Action, Task<OperatorReply> Reply)>>? AutoOperator { get; init; }

    /// <summary>Actions typed by a person, or null.</summary>
    public ConsoleOperator? Console { get; init; }

    public TimeSpan StatusEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No cycle report for this long means the controller stopped cycling: end the run (the board watchdog has latched by then).</summary>
    public TimeSpan SilenceLimit { get; init; } = TimeSpan.FromSeconds(5);
}

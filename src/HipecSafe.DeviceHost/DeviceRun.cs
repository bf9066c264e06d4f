using System.Diagnostics;
using System.Globalization;
using HipecSafe.Controller.Cycle;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Decisions;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Quantities;

namespace HipecSafe.DeviceHost;

/// <summary>
/// Watches a running <see cref="SerialDevice"/>: prints phase changes and a status line every few seconds, passes
/// operator presses (automatic or typed) to it and prints each answer when it comes, and decides when the run ends —
/// a stop signal (SIGINT, SIGTERM), the time limit, a controller that stopped cycling, or (for a verification run)
/// the procedure's outcome. The caller then stops the device and leaves the boards safe.
/// </summary>
public static class DeviceRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static int Watch(SerialDevice device, StopSignal stop, DeviceRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(options);
        var output = options.Output;
        var wall = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var nextStatus = TimeSpan.Zero;
        var pending = new List<(string Who, OperatorAction Action, Task<OperatorReply> Reply)>();
        Phase? phase = null;
        while (true)
        {
            if (stop.Wait(Poll))
            {
                output.WriteLine("interrupted (Ctrl+C or SIGTERM)");
                return RunOutcome.Interrupted;
            }

            if (options.Limit is { } limit && wall.Elapsed >= limit)
            {
                output.WriteLine($"{options.LimitName} {DurationText.Format(Duration.FromTimeSpan(limit))} reached in {device.Latest?.Phase}");
                return RunOutcome.DurationReached;
            }

            while (device.Reports.TryRead(out var report))
            {
                lastReport.Restart();
                if (report.Phase != phase)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{report.Tick.Time:hh\\:mm\\:ss}] phase {phase?.ToString() ?? "(start)"} → {report.Phase}"));
                    phase = report.Phase;
                    if (report.Phase == Phase.Interrupted
                        && report.Alarms?.Alarms.FirstOrDefault(a => a.ConditionId == ProcedureStep.InterruptedAlarmId) is { } interrupted)
                    {
                        // What the operator must decide on: ResumeInterrupted, or EndChemoEarly.
                        output.WriteLine($"{interrupted.Message} — type ResumeInterrupted to continue, or EndChemoEarly to go to washout");
                    }
                }

                if (report.Tick.Time >= nextStatus)
                {
                    output.WriteLine(ControllerStatusLine.Of(report));
                    nextStatus = report.Tick.Time + options.StatusEvery;
                }

                if (options.EndOnOutcome && Outcome(report, output) is { } code)
                {
                    return code;
                }

                foreach (var (action, reply) in options.AutoOperator?.Invoke(report) ?? [])
                {
                    pending.Add(("operator (auto)", action, reply));
                }
            }

            while (options.Console is { } console && console.TryTake(out var typed))
            {
                pending.Add(("operator", typed, device.Submit(typed)));
            }

            pending.RemoveAll(p => Answered(p.Who, p.Action, p.Reply, output));
            if (lastReport.Elapsed > options.SilenceLimit)
            {
                options.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"the controller produced no cycle for {options.SilenceLimit.TotalSeconds:0} s; stopping"));
                return RunOutcome.SafeState;
            }
        }
    }

    private static int? Outcome(CycleReport report, TextWriter output)
    {
        if (report.Phase == Phase.Complete)
        {
            output.WriteLine(ControllerStatusLine.Of(report));
            output.WriteLine("procedure complete");
            return RunOutcome.Completed;
        }

        if (report.InSafeState)
        {
            output.WriteLine(ControllerStatusLine.Of(report));
            output.WriteLine($"{report.Phase}: {(report.LatchedCauses.Count > 0 ? string.Join("; ", report.LatchedCauses) : "no cause recorded")}");
            return RunOutcome.SafeState;
        }

        return null;
    }

    /// <summary>Prints a press's answer once it has come; true when it has (or the press failed).</summary>
    private static bool Answered(string who, OperatorAction action, Task<OperatorReply> reply, TextWriter output)
    {
        if (!reply.IsCompleted)
        {
            return false;
        }

        output.WriteLine(reply.IsCompletedSuccessfully
            ? $"{who}: {reply.Result}"
            : $"{who}: {action}: no answer from the controller ({reply.Exception?.GetBaseException().Message ?? "cancelled"})");
        return true;
    }
}

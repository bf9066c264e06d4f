using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.Operators;
using HipecSafe.Hil.RealTime;

namespace HipecSafe.Cli.Commands;

/// <summary>
/// <c>hipecsafe run --port PATH</c>: the controller in real time against the boards on a serial port (the emulated
/// ones of <c>hipecsafe hil boards</c>, or real hardware). Operator steps come from <c>--auto</c> or are typed on
/// stdin. However the run ends, the controller is stopped, the safe command is written once with the heartbeat
/// unchanged, and the actuator board's watchdog then latches it SAFE within 500 ms.
/// </summary>
internal static class RunCommand
{
    public const int Completed = 0;
    public const int SafeState = 1;
    public const int CannotStart = 2;
    public const int DurationReached = 3;
    public const int Interrupted = 130;

    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>No cycle report for this long means the controller stopped cycling: end the run (the board watchdog has latched by then).</summary>
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var port = HilCommand.PortOption("serial device of the boards' bus, e.g. /dev/ttyUSB0 or one end of a socat pty pair");
        var baud = HilCommand.BaudOption();
        var parity = HilCommand.ParityOption();
        var profile = new Option<string>("--profile") { Description = "'default' or a profile file", DefaultValueFactory = _ => "default" };
        var log = new Option<string?>("--log") { Description = "hazard log file (appended to if it exists; default: hipecsafe-<UTC time>.log here)" };
        var duration = new Option<string?>("--duration") { Description = "stop after this long, e.g. 30m or 1h30m (default: until Complete, SafeState or Ctrl+C)" };
        duration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } text)
            {
                return;
            }

            if (!DurationText.TryParse(text, out var d, out var error))
            {
                result.AddError($"--duration: {error}");
            }
            else if (d <= Duration.Zero)
            {
                result.AddError($"--duration must be longer than zero, got '{text}'");
            }
        });
        var auto = new Option<bool>("--auto") { Description = "confirm operator steps automatically (start priming, leak check, drug addition, acknowledge cleared alarms)" };
        var command = new Command("run", "Run the controller in real time against the boards on a serial port; exit 0 Complete, 1 SafeState, 2 cannot start, 3 --duration reached, 130 Ctrl+C")
        {
            port, baud, parity, profile, log, duration, auto,
        };
        command.SetAction(parse =>
        {
            TreatmentProfile p;
            try
            {
                p = ProfileCommand.Load(parse.GetValue(profile)!);
            }
            catch (ProfileException e)
            {
                Console.Error.WriteLine($"run: {e.Message}");
                return CannotStart;
            }

            var logPath = parse.GetValue(log) ?? string.Create(CultureInfo.InvariantCulture, $"hipecsafe-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
            var limit = parse.GetValue(duration) is { } text ? DurationText.Parse(text).ToTimeSpan() : (TimeSpan?)null;
            var options = new SerialControllerOptions(new SerialPortOptions(parse.GetValue(port)!) { BaudRate = parse.GetValue(baud), Parity = HilCommand.ParityOf(parse.GetValue(parity)!) }, p, logPath);
            return Run(options, limit, parse.GetValue(auto));
        });
        return command;
    }

    private static int Run(SerialControllerOptions options, TimeSpan? limit, bool auto)
    {
        SerialController controller;
        try
        {
            controller = new SerialController(options);
        }
        catch (SerialPortOpenException e)
        {
            Console.Error.WriteLine($"run: {HilCommand.DescribeOpenFailure(e, options.Port.PortName)}");
            return CannotStart;
        }
        catch (HazardLogCorruptException e)
        {
            Console.Error.WriteLine($"run: hazard log {options.HazardLogPath} is corrupt, refusing to append to it: {e.Message}");
            return CannotStart;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"run: cannot open hazard log {options.HazardLogPath}: {e.Message}");
            return CannotStart;
        }

        using (controller)
        using (var stop = new StopSignal())
        {
            Console.Out.WriteLine($"controller on {options.Port}, profile '{options.Profile.Name}', hazard log {Path.GetFullPath(options.HazardLogPath)}");
            Console.Out.WriteLine(auto
                ? "operator: automatic (--auto); Ctrl+C stops the run"
                : $"operator: type an action + Enter ({string.Join(", ", Enum.GetNames<OperatorAction>())}); Ctrl+C stops the run");
            var typed = auto ? null : StartConsoleOperator();
            controller.Start();
            var code = Supervise(controller, stop, limit, auto ? new RealTimeOperator(options.Profile) : null, typed);

            var failure = controller.StopAndLeaveSafe();
            Console.Out.WriteLine(failure is null
                ? "controller stopped: safe command written (heater relay open, power 0, pump stopped, clamp closed), heartbeat stopped — the actuator board's watchdog latches it SAFE within 500 ms"
                : $"controller stopped: the final safe command did not reach the board ({failure}); with the heartbeat stopped, the board's watchdog latches it SAFE within 500 ms");
            Console.Out.WriteLine("the boards stay latched until a controller resets the latch; restart `hipecsafe hil boards` (or power-cycle the boards) before the next run");
            return code;
        }
    }

    private static int Supervise(SerialController controller, StopSignal stop, TimeSpan? limit, RealTimeOperator? op, Queue<OperatorAction>? typed)
    {
        var runtime = controller.Runtime;
        var wall = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var nextStatus = TimeSpan.Zero;
        Phase? phase = null;
        while (true)
        {
            if (stop.Wait(Poll))
            {
                Console.Out.WriteLine("interrupted (Ctrl+C or SIGTERM)");
                return Interrupted;
            }

            if (limit is { } l && wall.Elapsed >= l)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--duration {DurationText.Format(Duration.FromTimeSpan(l))} reached in {controller.Latest?.Phase}"));
                return DurationReached;
            }

            while (controller.Reports.TryRead(out var report))
            {
                lastReport.Restart();
                if (report.Phase != phase)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{report.Tick.Time:hh\\:mm\\:ss}] phase {phase?.ToString() ?? "(start)"} → {report.Phase}"));
                    phase = report.Phase;
                    if (op is not null && CarefulOperator.DrainsOpen(report) && report.Phase == Phase.Draining)
                    {
                        Console.Out.WriteLine("operator: open the abdominal drains now (on the emulated boards: type 'drain open')");
                    }
                }

                if (report.Tick.Time >= nextStatus)
                {
                    Console.Out.WriteLine(StatusLines.Controller(report));
                    nextStatus = report.Tick.Time + StatusEvery;
                }

                if (report.Phase == Phase.Complete)
                {
                    Console.Out.WriteLine(StatusLines.Controller(report));
                    Console.Out.WriteLine("procedure complete");
                    return Completed;
                }

                if (report.InSafeState)
                {
                    Console.Out.WriteLine(StatusLines.Controller(report));
                    Console.Out.WriteLine($"{report.Phase}: {(report.LatchedCauses.Count > 0 ? string.Join("; ", report.LatchedCauses) : "no cause recorded")}");
                    return SafeState;
                }

                foreach (var reply in op?.Act(runtime, report) ?? [])
                {
                    Console.Out.WriteLine($"operator (auto): {reply}");
                }
            }

            while (typed is not null && TryDequeue(typed, out var action))
            {
                Console.Out.WriteLine($"operator: {runtime.Command(action)}");
            }

            if (lastReport.Elapsed > SilenceLimit)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run: the controller produced no cycle for {SilenceLimit.TotalSeconds:0} s; stopping"));
                return SafeState;
            }
        }
    }

    /// <summary>Operator actions typed on stdin, by name (case and '-'/'_' ignored); unknown words are answered, not dropped silently.</summary>
    private static Queue<OperatorAction> StartConsoleOperator()
    {
        var queue = new Queue<OperatorAction>();
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                var word = line.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
                if (word.Length == 0)
                {
                    continue;
                }

                if (word.All(char.IsAsciiLetter) && Enum.TryParse<OperatorAction>(word, ignoreCase: true, out var action))
                {
                    lock (queue)
                    {
                        queue.Enqueue(action);
                    }
                }
                else
                {
                    Console.Out.WriteLine($"unknown operator action '{line.Trim()}'; known: {string.Join(", ", Enum.GetNames<OperatorAction>())}");
                }
            }
        })
        { IsBackground = true, Name = "run operator console" };
        reader.Start();
        return queue;
    }

    private static bool TryDequeue(Queue<OperatorAction> queue, out OperatorAction action)
    {
        lock (queue)
        {
            return queue.TryDequeue(out action);
        }
    }
}

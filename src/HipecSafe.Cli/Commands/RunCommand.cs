using System.CommandLine;
using System.Globalization;
using HipecSafe.Controller.Cycle;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.Operators;
using HipecSafe.DeviceHost;
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
    public const int Completed = RunOutcome.Completed;
    public const int SafeState = RunOutcome.SafeState;
    public const int CannotStart = RunOutcome.CannotStart;
    public const int DurationReached = RunOutcome.DurationReached;
    public const int Interrupted = RunOutcome.Interrupted;

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
            var options = new SerialDeviceOptions(new SerialPortOptions(parse.GetValue(port)!) { BaudRate = parse.GetValue(baud), Parity = HilCommand.ParityOf(parse.GetValue(parity)!) }, p, logPath);
            return Run(options, limit, parse.GetValue(auto));
        });
        return command;
    }

    private static int Run(SerialDeviceOptions options, TimeSpan? limit, bool auto)
    {
        SerialDevice device;
        try
        {
            device = new SerialDevice(options);
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

        using (device)
        using (var stop = new StopSignal())
        {
            Console.Out.WriteLine($"controller on {options.Port}, profile '{options.Profile.Name}', hazard log {Path.GetFullPath(options.HazardLogPath)}");
            Console.Out.WriteLine(auto
                ? "operator: automatic (--auto); Ctrl+C stops the run"
                : $"operator: type an action + Enter ({string.Join(", ", Enum.GetNames<OperatorAction>())}); Ctrl+C stops the run");
            var op = auto ? new RealTimeOperator(options.Profile) : null;
            var drainsAnnounced = false;
            var exchangeAnnounced = false;
            device.Start();
            var code = DeviceRun.Watch(device, stop, new DeviceRunOptions(Console.Out, Console.Error)
            {
                Limit = limit,
                LimitName = "--duration",
                Console = auto ? null : ConsoleOperator.Start(Console.In, Console.Out),
                AutoOperator = op is null ? null : report =>
                {
                    if (!exchangeAnnounced && report.Phase == Phase.Washout)
                    {
                        exchangeAnnounced = true;
                        Console.Out.WriteLine("operator: exchange the perfusate for saline and refill the circuit now; ConfirmWashoutExchange is pressed "
                                              + "once the reservoir is back (on the emulated boards: type 'exchange')");
                    }

                    if (!drainsAnnounced && report.Phase == Phase.Draining && CarefulOperator.DrainsOpen(report))
                    {
                        drainsAnnounced = true;
                        Console.Out.WriteLine("operator: open the abdominal drains now (on the emulated boards: type 'drain open')");
                    }

                    return op.Act(device.Runtime, report);
                },
            });

            var failure = device.StopAndLeaveSafe(code == Interrupted ? "interrupted" : "end of run");
            Console.Out.WriteLine(failure is null
                ? "controller stopped: safe command written (heater relay open, power 0, pump stopped, clamp closed), heartbeat stopped — the actuator board's watchdog latches it SAFE within 550 ms"
                : $"controller stopped: the final safe command did not reach the board ({failure}); with the heartbeat stopped, the board's watchdog latches it SAFE within 550 ms");
            Console.Out.WriteLine("the boards stay latched until a controller releases the latch; a new run's self-test does that");
            return code;
        }
    }
}

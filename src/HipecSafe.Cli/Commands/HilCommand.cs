using System.CommandLine;
using System.Globalization;
using System.IO.Ports;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.Plant;
using HipecSafe.DeviceHost;
using HipecSafe.Hil.Operators;
using HipecSafe.Hil.RealTime;

namespace HipecSafe.Cli.Commands;

/// <summary>
/// <c>hipecsafe hil boards --port PATH</c>: the plant and both emulated boards in real time on a serial port, for a
/// controller (<c>hipecsafe run</c>, or real hardware) on the other end. Runs until Ctrl+C.
/// Exit codes: 0 stopped by Ctrl+C/SIGTERM, 1 the boards failed while running (the port went away), 2 could not start.
/// </summary>
internal static class HilCommand
{
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static Command Create()
    {
        var port = PortOption("serial device the boards answer on, e.g. /dev/ttyUSB1 or one end of a socat pty pair");
        var seed = new Option<int>("--seed") { Description = "seed of the sensor noise and calibration offsets", DefaultValueFactory = _ => 1 };
        var baud = BaudOption();
        var parity = ParityOption();
        var warm = new Option<bool>("--warm-start")
        {
            Description = "start with the circuit pre-warmed to 39.8 °C and a warm patient: heating to 40 °C takes ~2.5 min instead of ~9",
        };
        var boards = new Command("boards", "Run the plant and both emulated boards (Modbus slaves 1 and 2) in real time on a serial port until Ctrl+C")
        {
            port, seed, baud, parity, warm,
        };
        boards.SetAction(parse => RunBoards(
            new RealTimeBoardsOptions(new SerialPortOptions(parse.GetValue(port)!) { BaudRate = parse.GetValue(baud), Parity = ParityOf(parse.GetValue(parity)!) })
            {
                Seed = parse.GetValue(seed),
                Plant = parse.GetValue(warm) ? PlantPresets.WarmStart : PlantParameters.Default,
            }));
        return new Command("hil", "Hardware-in-the-loop rig in real time") { boards };
    }

    /// <summary>The serial device; required, and an empty path is refused by name.</summary>
    internal static Option<string> PortOption(string description)
    {
        var port = new Option<string>("--port") { Description = description, Required = true };
        port.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--port needs a serial device path, e.g. /dev/ttyUSB0");
            }
        });
        return port;
    }

    /// <summary>Line speed (docs/icd.md default 115200; 8 data bits, even parity, 1 stop bit).</summary>
    internal static Option<int> BaudOption()
    {
        var baud = new Option<int>("--baud")
        {
            Description = "line speed in bit/s (8 data bits, even parity, 1 stop bit)",
            DefaultValueFactory = _ => SerialPortOptions.DefaultBaudRate,
        };
        baud.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value <= 0)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--baud must be a positive number of bit/s, got {value}"));
            }
        });
        return baud;
    }

    /// <summary>Parity bit (docs/icd.md: even); both ends must agree.</summary>
    internal static Option<string> ParityOption()
    {
        var parity = new Option<string>("--parity") { Description = "parity bit: even (ICD default), odd or none; both ends must agree", DefaultValueFactory = _ => "even" };
        parity.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not ("even" or "odd" or "none"))
            {
                result.AddError($"--parity must be even, odd or none, got '{value}'");
            }
        });
        return parity;
    }

    internal static Parity ParityOf(string text) => text switch
    {
        "none" => Parity.None,
        "odd" => Parity.Odd,
        _ => Parity.Even,
    };

    /// <summary>The transport's message, plus what is really wrong when the path is no device or the device refused the line settings.</summary>
    internal static string DescribeOpenFailure(SerialPortOpenException e, string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path))
            {
                return $"{e.Message} — '{path}' is a directory, not a serial device";
            }

            // A socat pty is a link into /dev/pts; anything that ends up outside /dev is an ordinary file.
            var target = File.Exists(path) ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path) : null;
            if (target is not null && !target.StartsWith("/dev/", StringComparison.Ordinal))
            {
                return $"{e.Message} — '{path}' is an ordinary file, not a serial device (serial ports live under /dev)";
            }
        }

        return e.InnerException is ArgumentException
            ? e.Message + " — the device refused the line settings (some Linux kernels refuse even parity on a socat pty that was opened before: start a fresh socat pair, or pass --parity none on both ends)"
            : e.Message;
    }

    private static int RunBoards(RealTimeBoardsOptions options)
    {
        RealTimeBoards boards;
        try
        {
            boards = new RealTimeBoards(options);
        }
        catch (SerialPortOpenException e)
        {
            Console.Error.WriteLine($"hil boards: {DescribeOpenFailure(e, options.Port.PortName)}");
            return 2;
        }

        using (boards)
        using (var stop = new StopSignal())
        {
            boards.Start();
            var a = options.Addresses;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"boards answering on {options.Port}: sensor board unit {a.SensorBoard}, actuator board unit {a.ActuatorBoard}; seed {options.Seed}; Ctrl+C stops them"));
            Console.Out.WriteLine("type + Enter: 'exchange' (saline exchange at the reservoir, for Washout), 'drain open' / 'drain closed' (abdominal drains, for Draining), 'bus cut' / 'bus restore' (bus-loss fault)");
            StartConsoleCommands(boards);

            var nextStatus = TimeSpan.Zero;
            var wasLatched = false;
            while (!stop.Wait(Poll))
            {
                if (boards.Fault is { } fault)
                {
                    Console.Error.WriteLine($"hil boards: stopped: {fault.Message}");
                    return 1;
                }

                var s = boards.Snapshot;
                if (s.SafeLatched != wasLatched)
                {
                    wasLatched = s.SafeLatched;
                    Console.Out.WriteLine(!s.SafeLatched ? "actuator board latch reset by the controller"
                        : s.PowerOnHold ? "actuator board in its power-on SAFE hold: heater off, pump stopped, clamp closed until a latch reset with heater_enable 0, limiter below 44 °C and a changing heartbeat"
                        : string.Create(CultureInfo.InvariantCulture, $"actuator board SAFE-LATCHED by its watchdog at {s.SafeLatchedAt:hh\\:mm\\:ss\\.fff}: heartbeat unchanged since {s.LastHeartbeatChangeAt:hh\\:mm\\:ss\\.fff}; heater off, pump stopped, clamp closed until a latch reset"));
                }

                if (s.Time >= nextStatus)
                {
                    Console.Out.WriteLine(StatusLines.Boards(s));
                    nextStatus = s.Time + StatusEvery;
                }
            }

            Console.Out.WriteLine(StatusLines.Boards(boards.Snapshot));
            Console.Out.WriteLine("boards stopped: the port is closed, a controller on the other end now sees a dead bus");
            return 0;
        }
    }

    /// <summary>Hand actions on the rig, typed on stdin (a closed stdin just ends this reader).</summary>
    private static void StartConsoleCommands(RealTimeBoards boards)
    {
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                switch (string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant())
                {
                    case "EXCHANGE":
                        var exchange = CarefulOperator.WashoutExchange;
                        boards.StartSalineExchange(exchange);
                        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"saline exchange started: {exchange.Volume.Liters:0.#} L of perfusate drained and replaced by saline at {exchange.Saline.DegreesCelsius:0.#} °C over {exchange.Lasts.Seconds:0} s"));
                        break;
                    case "DRAIN OPEN":
                        boards.SetAbdominalDrainOpen(true);
                        Console.Out.WriteLine("abdominal drains opened");
                        break;
                    case "DRAIN CLOSED":
                        boards.SetAbdominalDrainOpen(false);
                        Console.Out.WriteLine("abdominal drains closed");
                        break;
                    case "BUS CUT":
                        boards.CutBus();
                        Console.Out.WriteLine("bus cut: the boards neither hear nor answer the master");
                        break;
                    case "BUS RESTORE":
                        boards.RestoreBus();
                        Console.Out.WriteLine("bus restored");
                        break;
                    case "":
                        break;
                    default:
                        Console.Out.WriteLine($"unknown rig command '{line.Trim()}': use 'exchange', 'drain open', 'drain closed', 'bus cut' or 'bus restore'");
                        break;
                }
            }
        })
        { IsBackground = true, Name = "hil boards console" };
        reader.Start();
    }
}

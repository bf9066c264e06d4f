using HipecSafe.Controller.Clock;
using System.Diagnostics;
using HipecSafe.Controller;
using HipecSafe.Controller.Boards;
using HipecSafe.Core.Decisions;
using HipecSafe.Controller.HazardLogging;
using HipecSafe.Core.Operations;
using HipecSafe.Core.Actuators;
using HipecSafe.Core.Profile;
using HipecSafe.Devices.Modbus;
using HipecSafe.Devices.Transport;
using HipecSafe.Hil.RealTime;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// Sample-in → actuator-command-out latency over a real serial line: the controller in real time (its cycle clock
/// thread, pinned bus and interlock dispatchers, Modbus master on <see cref="SerialPortTransport"/>) on one end of a
/// socat pty pair, <see cref="RealTimeBoards"/> (plant, sensor model, both board emulators, Modbus slaves) on the
/// other. The controller is built as <see cref="SerialController"/> builds it, with one difference: its board port is
/// wrapped to timestamp, per cycle, when the sample read returned (the sample is in) and when the command write
/// started (the command leaves the controller) and returned (the actuator board acknowledged it).
/// </summary>
internal static class LatencyOverPty
{
    public static void Execute(int seconds)
    {
        var report = new BenchReport("latency", "Sample-in → actuator-command-out latency over a pty");
        var dir = Directory.CreateTempSubdirectory("hipecsafe-latency-");
        using var socat = StartSocat(dir.FullName, out var controllerEnd, out var boardsEnd);
        var port = new SerialPortOptions(controllerEnd);
        var profile = TreatmentProfile.Default;
        var timed = new List<(double InToOut, double InToAck, double Read)>();
        using (var boards = new RealTimeBoards(new RealTimeBoardsOptions(new SerialPortOptions(boardsEnd)) { Plant = PlantPresets.WarmStart }).Start())
        using (var transport = new SerialPortTransport(port))
        using (var log = HazardLogWriter.Open(new HazardLogWriterOptions(Path.Combine(dir.FullName, "hazard.jsonl"), "hipecsafe-bench", profile.Name)))
        {
            var master = new ModbusRtuMaster(transport, new ModbusMasterOptions
            {
                ResponseTimeout = TimeSpan.FromMilliseconds(50),
                Timing = new SerialLineTiming(port.BaudRate),
            });
            var timing = new TimingBoardPort(new ModbusBoardPort(master));
            using var runtime = ControllerRuntime.Create(new ControllerOptions(profile, ClockMode.RealTime), timing, log);
            var lastPhase = "(no cycle)";
            runtime.CycleCompleted += r => lastPhase = r.Phase.ToString();
            runtime.StartRealTime();
            Console.Error.WriteLine("controller running in real time");
            Thread.Sleep(TimeSpan.FromSeconds(2));
            Console.Error.WriteLine($"start priming: {runtime.Command(OperatorAction.StartPriming)}");
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            Console.Error.WriteLine($"measured {timing.Cycles.Count} cycles; stopping");

            timed.AddRange(timing.Cycles);
            report.Line($"{seconds} s of a real-time run from a warm plant (Standby → Priming → Heating), 115200 baud 8E1 over `socat pty,raw,echo=0` (no baud-rate pacing in a pty; the master still keeps the Modbus t3.5 silences).")
                .Line($"Cycles timed: {timed.Count}; reads that failed: {timing.FailedReads}; phase at the end: {lastPhase}.")
                .Line();
        }

        var inToOut = new Percentiles(timed.Select(t => t.InToOut));
        var inToAck = new Percentiles(timed.Select(t => t.InToAck));
        var read = new Percentiles(timed.Select(t => t.Read));
        report.Table(["interval (per cycle)", "p50 ms", "p99 ms", "max ms"],
        [
            ["sample read returned → command write starts (controller: interlocks, supervisor, control, constraint)", F(inToOut.At(50), "0.000"), F(inToOut.At(99), "0.000"), F(inToOut.Max, "0.000")],
            ["sample read returned → command acknowledged by the actuator board (adds the write's round trip over the pty)", F(inToAck.At(50), "0.000"), F(inToAck.At(99), "0.000"), F(inToAck.Max, "0.000")],
            ["for reference: the read itself (sensor board + actuator feedback, two transactions)", F(read.At(50), "0.000"), F(read.At(99), "0.000"), F(read.Max, "0.000")],
        ]);
        report.Line($"Target: p99 ≤ 5 ms. Sample in → command out of the controller: {(inToOut.At(99) <= 5 ? "met" : "**missed**")} (p99 {F(inToOut.At(99), "0.000")} ms). " +
                    $"Including the board's acknowledgement of the write: {(inToAck.At(99) <= 5 ? "met" : "**missed**")} (p99 {F(inToAck.At(99), "0.000")} ms); " +
                    "each Modbus transaction waits the t3.5 frame silence (1.75 ms above 19200 baud) at the slave before it is answered, plus thread wake-ups on both ends.");
        report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- latency --seconds {seconds}");
        dir.Delete(recursive: true);
    }

    private static Process StartSocat(string dir, out string controllerEnd, out string boardsEnd)
    {
        controllerEnd = Path.Combine(dir, "ctl");
        boardsEnd = Path.Combine(dir, "brd");
        var start = new ProcessStartInfo("socat") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-d", "-d", $"pty,raw,echo=0,link={controllerEnd}", $"pty,raw,echo=0,link={boardsEnd}" })
        {
            start.ArgumentList.Add(a);
        }

        Process socat;
        try
        {
            socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("the latency benchmark needs socat for its pty pair: apt-get install socat", ex);
        }

        socat.ErrorDataReceived += (_, _) => { };
        socat.BeginErrorReadLine();
        var wait = Stopwatch.StartNew();
        while (!(File.Exists(controllerEnd) && File.Exists(boardsEnd)))
        {
            if (socat.HasExited || wait.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"socat did not create its pty pair in {dir}");
            }

            Thread.Sleep(20);
        }

        return socat;
    }

    /// <summary>Times the board bus actor's calls; it makes them one at a time on its own thread, so no locking beyond publishing the list.</summary>
    private sealed class TimingBoardPort(IBoardPort inner) : IBoardPort
    {
        private readonly List<(double, double, double)> _cycles = [];
        private long _readDone;
        private double _readMs;

        public int FailedReads { get; private set; }

        public IReadOnlyList<(double InToOut, double InToAck, double Read)> Cycles
        {
            get
            {
                lock (_cycles)
                {
                    return [.. _cycles];
                }
            }
        }

        public BoardReadout Read()
        {
            var start = Stopwatch.GetTimestamp();
            var readout = inner.Read();
            _readDone = Stopwatch.GetTimestamp();
            _readMs = Stopwatch.GetElapsedTime(start, _readDone).TotalMilliseconds;
            if (readout.Frame is null)
            {
                FailedReads++;
                _readDone = 0;
            }

            return readout;
        }

        public string? Write(ActuatorCommand command, ushort heartbeat)
        {
            var start = Stopwatch.GetTimestamp();
            var failure = inner.Write(command, heartbeat);
            var done = Stopwatch.GetTimestamp();
            if (_readDone != 0 && failure is null)
            {
                lock (_cycles)
                {
                    _cycles.Add((Stopwatch.GetElapsedTime(_readDone, start).TotalMilliseconds, Stopwatch.GetElapsedTime(_readDone, done).TotalMilliseconds, _readMs));
                }
            }

            _readDone = 0;
            return failure;
        }

        public string? ResetLatch() => inner.ResetLatch();

        public string Describe() => inner.Describe();
    }
}

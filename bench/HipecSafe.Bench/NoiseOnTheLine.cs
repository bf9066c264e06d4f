using HipecSafe.Core.HazardLog;
using System.Diagnostics;
using System.Globalization;
using HipecSafe.Core.Phases;
using HipecSafe.Core.Profile;
using HipecSafe.Core.Quantities;
using HipecSafe.Devices.Boards;
using HipecSafe.Devices.Modbus;
using HipecSafe.Hil.Rig;
using HipecSafe.Hil.Scenarios;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// False trips under line noise: the lockstep rig with the scenario fault <c>crc_errors</c> (each frame, either
/// direction, independently gets one byte corrupted with probability <i>rate</i>) from the first board step, default
/// profile, auto operator. Procedures are run back to back (seed, seed + 1, …; a procedure ends at Complete or at
/// SafeState, which the auto operator never resets) until the simulated time reaches the target. Noise is the only
/// fault, so every interlock trip raised and every SafeState is a false trip. Also reported: transactions retried and
/// failed, the controller step's wall time per cycle and the virtual bus time per cycle (what the line would take in
/// real time), with noise and without.
/// </summary>
internal static class NoiseOnTheLine
{
    private static readonly double[] Rates = [0, 0.001, 0.005, 0.01, 0.02];
    private static readonly TimeSpan ProcedureLimit = TimeSpan.FromHours(3);
    private const int EventsShown = 8;

    private sealed record TripEvent(double Rate, int Seed, TimeSpan At, string What, string Bus);

    private sealed class Tally
    {
        public double Rate { get; init; }
        public int Procedures { get; set; }
        public int Completed { get; set; }
        public long Cycles { get; set; }
        public double SimulatedSeconds { get; set; }
        public int TripsRaised { get; set; }
        public int SafeStates { get; set; }
        public Dictionary<string, int> TripsById { get; } = [];
        public Dictionary<string, long> ConstrainedCycles { get; } = [];
        public long Transactions { get; set; }
        public long Attempts { get; set; }
        public long FailedTransactions { get; set; }
        public Dictionary<ModbusFailureKind, long> FailedAttempts { get; } = [];
        public long FramesCorrupted { get; set; }
        public double ControllerSeconds { get; set; }
        public List<double> BusMillisPerCycle { get; } = [];
        public List<TripEvent> Events { get; } = [];
    }

    public static void Execute(int hours, int seed)
    {
        var target = TimeSpan.FromHours(hours);
        var report = new BenchReport("noise", "False trips and retry cost under line noise (independent frame errors)");
        // Warm-up (JIT), not counted; then the rates take turns procedure by procedure, so a change of load on the
        // machine during the run weighs on every rate alike and the wall-time comparison stays fair.
        RunProcedure(new Tally { Rate = 0.01 }, seed, TimeSpan.FromMinutes(20));
        var tallies = Rates.Select(rate => new Tally { Rate = rate }).ToList();
        for (var next = seed; tallies.Any(t => t.SimulatedSeconds < target.TotalSeconds); next++)
        {
            foreach (var tally in tallies.Where(t => t.SimulatedSeconds < target.TotalSeconds))
            {
                RunProcedure(tally, next, ProcedureLimit);
            }
        }

        foreach (var tally in tallies)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rate {tally.Rate:0.###}: {tally.SimulatedSeconds / 3600:0.00} h, {tally.Procedures} procedures, {tally.TripsRaised} trips, {tally.SafeStates} SafeState"));
        }

        var quiet = tallies[0];
        var quietMicros = quiet.ControllerSeconds / quiet.Cycles * 1e6;
        var quietBus = quiet.BusMillisPerCycle.Average();
        report.Line($"Lockstep rig (plant, both board emulators on the virtual-time bus, the real controller with its default ModbusMasterOptions: response timeout {F(new ModbusMasterOptions().ResponseTimeout.TotalMilliseconds, "0")} ms, {new ModbusMasterOptions().Retries} retry), ")
            .Line($"default profile, auto operator, scenario fault `bus crc_errors {{rate}}` from t = 0 for the whole run (one random byte of a frame XORed with a random non-zero value, each frame in either direction independently, seeded). ")
            .Line($"Procedures back to back with seeds {seed}, {seed + 1}, … until ≥ {hours} h simulated per rate; a procedure ends at Complete or at SafeState. Rate 0 is the same run without noise. ")
            .Line("The rates take turns procedure by procedure (after a 20-min warm-up procedure that is not counted), so load from other work on the machine weighs on every rate alike. ")
            .Line("A false trip is an interlock trip raised (a new id in the cycle report's active trips) or an entry into SafeState: noise is the only fault. ")
            .Line("Target: no false trip in ≥ 10 h simulated per rate.")
            .Line()
            .Table(
                ["frame error rate", "simulated h", "procedures (completed)", "trips raised", "SafeState", "false trips / h", "transactions", "retried", "failed", "failed attempts by kind"],
                tallies.Select(t => (IReadOnlyList<string>)
                [
                    Percent(t.Rate), F(t.SimulatedSeconds / 3600), $"{t.Procedures} ({t.Completed})",
                    t.TripsRaised == 0 ? "0" : $"{Whole(t.TripsRaised)} ({string.Join(", ", t.TripsById.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))})",
                    Whole(t.SafeStates),
                    F((t.TripsRaised + t.SafeStates) / (t.SimulatedSeconds / 3600), "0.000"), Whole(t.Transactions),
                    $"{Whole(t.Attempts - t.Transactions)} ({F(100.0 * (t.Attempts - t.Transactions) / t.Transactions, "0.000")} %)",
                    Whole(t.FailedTransactions),
                    t.FailedAttempts.Count == 0 ? "—" : string.Join(", ", t.FailedAttempts.OrderBy(k => k.Key).Select(k => $"{k.Key} {Whole(k.Value)}")),
                ]))
            .Line("Cost of the retries (controller step = `ControllerRuntime.Step`, from the last board step to the cycle report: actors, Modbus over the virtual bus, interlocks, control, alarms, log; ")
            .Line("bus time = the virtual bus clock's advance during the cycle, i.e. what the line takes in real time: 4 transactions' wire time, response waits and t3.5 gaps):")
            .Line()
            .Table(
                ["frame error rate", "controller µs / cycle", "vs no noise", "bus ms / cycle (mean)", "vs no noise", "bus ms p99.9", "bus ms max", "cycles with bus > 50 ms"],
                tallies.Select(t =>
                {
                    var micros = t.ControllerSeconds / t.Cycles * 1e6;
                    var bus = new Percentiles(t.BusMillisPerCycle);
                    return (IReadOnlyList<string>)
                    [
                        Percent(t.Rate), F(micros, "0.0"), F(micros - quietMicros, "+0.0;-0.0;0.0"), F(bus.Mean, "0.000"), F(bus.Mean - quietBus, "+0.000;-0.000;0.000"),
                        F(bus.At(99.9), "0.00"), F(bus.Max, "0.00"), Whole(t.BusMillisPerCycle.Count(ms => ms > 50)),
                    ];
                }))
            .Line("Cycles the gate constrained (gate reasons in the cycle report; a cycle can have several), per rate:")
            .Line();
        foreach (var t in tallies)
        {
            report.Line($"- {Percent(t.Rate)}: " + (t.ConstrainedCycles.Count == 0 ? "none" :
                string.Join(", ", t.ConstrainedCycles.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {Whole(k.Value)}"))));
        }

        report.Line();
        var noisy = tallies.Skip(1).ToList();
        var met = noisy.Where(t => t.TripsRaised + t.SafeStates == 0).Select(t => Percent(t.Rate)).ToList();
        var missed = noisy.Where(t => t.TripsRaised + t.SafeStates > 0)
            .Select(t => $"{Percent(t.Rate)} ({string.Join(", ", t.TripsById.Keys.Order(StringComparer.Ordinal))}{(t.SafeStates > 0 ? ", SafeState" : "")})").ToList();
        report.Line($"Target (no false trip in ≥ {hours} h): met at {(met.Count == 0 ? "no rate" : string.Join(", ", met))}; " +
                    $"not met at {(missed.Count == 0 ? "no rate" : string.Join(", ", missed))}.")
            .Line();
        var events = tallies.SelectMany(t => t.Events).ToList();
        if (events.Count > 0)
        {
            report.Line($"Trips (first {EventsShown} per rate; time from the procedure's start; bus = each board's consecutive failed transactions and last failure when it tripped):").Line();
            report.Table(["rate", "seed", "at", "what", "bus"], events.Select(e => (IReadOnlyList<string>)[Percent(e.Rate), Whole(e.Seed), ScenarioTime.Clock(e.At), e.What, e.Bus]));
        }

        report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- noise --hours {hours} --seed {seed}");
    }

    private static void RunProcedure(Tally tally, int seed, TimeSpan limit)
    {
        var log = Path.Combine(Path.GetTempPath(), $"hipecsafe-bench-noise-{Environment.ProcessId}.jsonl");
        File.Delete(log);
        File.Delete(HazardLogHead.PathFor(log));
        var profile = TreatmentProfile.Default;
        using (var rig = new SimulationRig(new RigOptions(profile, seed, log) { FaultInjectionArmed = true }))
        using (var injector = tally.Rate > 0 ? Noise(rig, tally.Rate, seed) : null)
        {
            var clock = rig.Bus.VirtualClock!;
            long lastBoardStep = 0;
            rig.BoardStepped += _ => lastBoardStep = Stopwatch.GetTimestamp(); // after the injector's handler
            var op = new AutoOperator(profile);
            var active = new HashSet<string>(StringComparer.Ordinal);
            var safe = false;
            while (rig.Now < limit)
            {
                var busBefore = clock.Elapsed;
                var cycle = rig.Step();
                tally.ControllerSeconds += (Stopwatch.GetTimestamp() - lastBoardStep) / (double)Stopwatch.Frequency;
                tally.BusMillisPerCycle.Add((clock.Elapsed - busBefore).TotalMilliseconds);
                tally.Cycles++;
                injector?.ObserveCycle(cycle);
                if (cycle.Report is not { } report)
                {
                    continue;
                }

                foreach (var reason in report.ConstraintReasons)
                {
                    tally.ConstrainedCycles[reason] = tally.ConstrainedCycles.GetValueOrDefault(reason) + 1;
                }

                foreach (var trip in report.ActiveTrips)
                {
                    if (active.Add(trip))
                    {
                        tally.TripsRaised++;
                        tally.TripsById[trip] = tally.TripsById.GetValueOrDefault(trip) + 1;
                        Record(tally, seed, cycle.Time, trip, rig.Master);
                    }
                }

                active.IntersectWith(report.ActiveTrips);
                if (report.InSafeState && !safe)
                {
                    safe = true;
                    tally.SafeStates++;
                    Record(tally, seed, cycle.Time, $"SafeState ({string.Join(", ", report.LatchedCauses)})", rig.Master);
                    break;
                }

                if (report.Phase == Phase.Complete)
                {
                    tally.Completed++;
                    break;
                }

                op.Act(rig);
            }

            tally.Procedures++;
            tally.SimulatedSeconds += rig.Now.TotalSeconds;
            tally.FramesCorrupted += injector?.BusFramesAffected ?? 0;
            foreach (var unit in rig.Master.AllStatistics())
            {
                tally.Transactions += unit.Transactions;
                tally.Attempts += unit.Attempts;
                tally.FailedTransactions += unit.Failed;
                foreach (var (kind, count) in unit.FailuresByKind)
                {
                    tally.FailedAttempts[kind] = tally.FailedAttempts.GetValueOrDefault(kind) + count;
                }
            }
        }

        File.Delete(log);
        File.Delete(HazardLogHead.PathFor(log));
    }

    private static FaultInjector Noise(SimulationRig rig, double rate, int seed) => new(rig, "noise", [
        new FaultSpec(0, new AtTime(Duration.Zero), "bus", "crc_errors", string.Create(CultureInfo.InvariantCulture, $"{{ rate: {rate} }}"), null,
            new BusFaultAction(new BusCrcErrors(rate))),
    ], seed);

    private static void Record(Tally tally, int seed, TimeSpan at, string what, ModbusRtuMaster master)
    {
        if (tally.Events.Count(e => e.Rate == tally.Rate) >= EventsShown)
        {
            return;
        }

        var bus = string.Join("; ", new[] { BoardAddresses.DefaultSensorBoard, BoardAddresses.DefaultActuatorBoard }.Select(unit =>
        {
            var s = master.StatisticsOf(unit);
            return string.Create(CultureInfo.InvariantCulture, $"unit {unit}: {s.ConsecutiveFailures} in a row, last {s.LastFailure?.Kind.ToString() ?? "none"}");
        }));
        tally.Events.Add(new TripEvent(tally.Rate, seed, at, what, bus));
    }

    private static string Percent(double rate) => rate == 0 ? "0 (no noise)" : F(rate * 100, "0.0") + " %";

    private static string Whole(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

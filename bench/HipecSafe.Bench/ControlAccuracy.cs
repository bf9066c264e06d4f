using HipecSafe.Core.Profile;
using HipecSafe.Hil.Plant;
using HipecSafe.Hil.Rig;
using HipecSafe.Core.HazardLog;
using static HipecSafe.Bench.BenchReport;

namespace HipecSafe.Bench;

/// <summary>
/// Heat-up against the plant's physical bound and control accuracy with sensor noise, over several seeds (each seed
/// draws different calibration offsets and noise), full default procedures, figures from <see cref="ProcedureMetrics"/>.
/// Besides <see cref="HeatUpBound"/> (full heater power from the first instant, no limit on the inflow temperature)
/// it reports ProcedureMetrics' inflow-limited reference: full power only while the exchanger outlet is below the
/// profile's highest inflow set-point, the fastest heat-up a controller that honours that ceiling can approach.
/// </summary>
internal static class ControlAccuracy
{
    public static void Execute(int seeds)
    {
        var profile = TreatmentProfile.Default;
        var report = new BenchReport("control", "Heat-up against the physical bound and control accuracy with sensor noise");
        report.Line("Default profile, auto operator, full procedures. Sensor model defaults: temperature offset ≤ 0.05 °C per probe, noise σ 0.015 °C (bounded 0.04 °C), ")
            .Line("probe lags 1 s (line) / 3 s (abdominal) / 5 s (core); flow offset ≤ 10 mL/min, noise σ 5 mL/min. All thermal figures are plant truth.")
            .Line()
            .Line("Targets: heat-up ≤ 1.15 × bound with ≤ 0.3 °C overshoot; inflow error ≤ 0.2 °C and flow error ≤ 2 % during ChemoPerfusion.")
            .Line();

        var runs = new List<(int Seed, ProcedureMetrics M)>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var log = Path.Combine(Path.GetTempPath(), $"hipecsafe-bench-control-{Environment.ProcessId}-{seed}.jsonl");
            File.Delete(log);
            File.Delete(HazardLogHead.PathFor(log));
            using (var rig = new SimulationRig(new RigOptions(profile, seed, log)))
            {
                runs.Add((seed, ProcedureMetrics.Run(rig, TimeSpan.FromHours(3))));
            }

            File.Delete(log);

            File.Delete(HazardLogHead.PathFor(log));
            Console.Error.WriteLine($"seed {seed} done");
        }

        static string Opt(double? v, string format) => v is { } x ? F(x, format) : "-";
        report.Table(
            ["seed", "completed", "heat-up s", "bound s", "ratio", "inflow-limited ref. s", "ratio to it", "abdominal overshoot °C", "inflow overshoot °C", "inflow error max °C", "inflow error RMS °C", "flow error max %", "chemo abdomen min…max °C", "safe state"],
            runs.Select(r => (IReadOnlyList<string>)
            [
                r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), r.M.Completed ? "yes" : "no",
                Opt(r.M.HeatUp?.TotalSeconds, "0.0"), Opt(r.M.HeatUpBoundTime?.TotalSeconds, "0.0"), Opt(r.M.HeatUpRatio, "0.000"),
                Opt(r.M.HeatUpInflowLimitedTime?.TotalSeconds, "0.0"), Opt(r.M.HeatUpInflowLimitedRatio, "0.000"),
                F(r.M.AbdominalOvershootC, "0.000"), F(r.M.InflowOvershootC, "0.000"), Opt(r.M.InflowErrorMaxC, "0.000"), Opt(r.M.InflowErrorRmsC, "0.000"),
                Opt(r.M.FlowErrorMaxPercent, "0.00"), $"{Opt(r.M.ChemoAbdomenMinC, "0.00")}…{Opt(r.M.ChemoAbdomenMaxC, "0.00")}", r.M.SafeStateEntered ? "YES" : "no",
            ]));

        var worstRatio = runs.Max(r => r.M.HeatUpRatio ?? double.PositiveInfinity);
        var worstOvershoot = runs.Max(r => r.M.AbdominalOvershootC);
        var worstInflow = runs.Max(r => r.M.InflowErrorMaxC ?? double.PositiveInfinity);
        var worstFlow = runs.Max(r => r.M.FlowErrorMaxPercent ?? double.PositiveInfinity);
        var worstLimited = runs.Max(r => r.M.HeatUpInflowLimitedRatio ?? double.PositiveInfinity);
        report.Line("| figure | worst over seeds | target | met |").Line("|---|---|---|---|")
            .Line($"| heat-up ÷ bound | {F(worstRatio, "0.000")} | ≤ 1.15 | {(worstRatio <= 1.15 ? "yes" : "**no**")} |")
            .Line($"| abdominal overshoot | {F(worstOvershoot, "0.000")} °C | ≤ 0.3 °C | {(worstOvershoot <= 0.3 ? "yes" : "**no**")} |")
            .Line($"| inflow error max (chemo) | {F(worstInflow, "0.000")} °C | ≤ 0.2 °C | {(worstInflow <= 0.2 ? "yes" : "**no**")} |")
            .Line($"| flow error max (chemo) | {F(worstFlow, "0.00")} % | ≤ 2 % | {(worstFlow <= 2 ? "yes" : "**no**")} |")
            .Line($"| heat-up ÷ inflow-limited reference (inflow ≤ {F(profile.InflowSetpointMax.DegreesCelsius, "0.0")} °C) | {F(worstLimited, "0.000")} | (not a target) | {(worstLimited <= 1.15 ? "≤ 1.15" : "> 1.15")} |")
            .Line();
        report.Save($"dotnet run -c Release --project bench/HipecSafe.Bench -- control --seeds {seeds}");
    }
}

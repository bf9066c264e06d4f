using System.Text.Json;
using HipecSafe.Core.Phases;
using HipecSafe.Hil.Rig;

namespace HipecSafe.Cli.Reporting;

/// <summary>
/// The machine-readable result of <c>hipecsafe simulate --json</c>: the procedure's figures (<see cref="ProcedureMetrics"/>,
/// snake_case, SI-style units in the names, null where a figure was never reached), how long it took, and the
/// hazard log's verdict. Field names are a contract with scripts and CI (the simulate tests in tests/HipecSafe.Cli.Tests
/// and bench/HipecSafe.Bench read them): add fields freely, but rename or remove one only together with every reader.
/// </summary>
internal sealed record SimulationSummary(
    string ProfileName,
    int Seed,
    ProcedureMetrics Metrics,
    double WallSeconds,
    HazardLogDigest? HazardLog)
{
    /// <summary>The last phase the controller reported (null when no cycle reported).</summary>
    public Phase? EndPhase => Metrics.Phases.Count > 0 ? Metrics.Phases[^1].Phase : null;

    /// <summary>The procedure ran to Complete and never entered the safe state: exit code 0.</summary>
    public bool Succeeded => Metrics.Completed && !Metrics.SafeStateEntered;

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var m = Metrics;
            w.WriteStartObject();
            w.WriteString("profile", ProfileName);
            w.WriteNumber("seed", Seed);
            w.WriteString("end_phase", EndPhase?.ToString());
            w.WriteBoolean("completed", m.Completed);
            w.WriteBoolean("safe_state_entered", m.SafeStateEntered);
            w.WriteStartArray("phases");
            foreach (var p in m.Phases)
            {
                w.WriteStartObject();
                w.WriteString("phase", p.Phase.ToString());
                w.WriteNumber("at_seconds", Math.Round(p.At.TotalSeconds, 3));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Number(w, "heatup_seconds", m.HeatUp?.TotalSeconds, 1);
            Number(w, "heatup_bound_seconds", m.HeatUpBoundTime?.TotalSeconds, 1);
            Number(w, "heatup_ratio", m.HeatUpRatio, 4);
            Number(w, "heatup_inflow_limited_seconds", m.HeatUpInflowLimitedTime?.TotalSeconds, 1);
            Number(w, "heatup_inflow_limited_ratio", m.HeatUpInflowLimitedRatio, 4);
            Number(w, "abdominal_overshoot_c", m.AbdominalOvershootC, 4);
            Number(w, "inflow_overshoot_c", m.InflowOvershootC, 4);
            Number(w, "inflow_error_max_c", m.InflowErrorMaxC, 4);
            Number(w, "inflow_error_rms_c", m.InflowErrorRmsC, 4);
            Number(w, "flow_error_max_pct", m.FlowErrorMaxPercent, 3);
            Number(w, "chemo_abdomen_min_c", m.ChemoAbdomenMinC, 3);
            Number(w, "chemo_abdomen_max_c", m.ChemoAbdomenMaxC, 3);
            Number(w, "chemo_time_to_band_seconds", m.ChemoTimeToBand?.TotalSeconds, 1);
            Number(w, "chemo_in_band_min_c", m.ChemoInBandMinC, 3);
            Number(w, "chemo_in_band_max_c", m.ChemoInBandMaxC, 3);
            // The chemo time the controller counted (the profile's dose time) and, apart, the time its clock was held
            // (pump stopped or abdomen below the band, SRS-PH-022): together the time spent in ChemoPerfusion.
            Number(w, "chemo_seconds", (m.ChemoTime - m.ChemoClockHeld).TotalSeconds, 1);
            Number(w, "chemo_clock_held_seconds", m.ChemoClockHeld.TotalSeconds, 1);
            Number(w, "abdomen_max_c", m.AbdomenMaxC, 3);
            Number(w, "core_max_c", m.CoreMaxC, 3);
            w.WriteStartArray("trips");
            foreach (var t in m.TripsSeen)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            Number(w, "simulated_seconds", m.SimulatedTime.TotalSeconds, 1);
            Number(w, "wall_seconds", WallSeconds, 3);
            if (HazardLog is { } log)
            {
                w.WriteStartObject("hazard_log");
                w.WriteString("path", Path.GetFullPath(log.Path));
                w.WriteString("status", log.Verification.Status.ToString());
                w.WriteNumber("records", log.Verification.RecordCount);
                w.WriteString("last_hash", log.Verification.LastHash);
                w.WriteNumber("alarm_events", log.Alarms.Count);
                w.WriteNumber("interlock_trips", log.InterlockTrips);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    // JSON has no NaN or infinity: a figure that was never reached is null.
    private static void Number(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, Math.Round(v, decimals));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

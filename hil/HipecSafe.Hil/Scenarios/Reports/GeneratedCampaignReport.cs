using System.Globalization;
using System.Text;
using HipecSafe.Hil.Oracle;

namespace HipecSafe.Hil.Scenarios.Reports;

/// <summary>
/// The verdict of a generated campaign by oracle class (SRS-SC-020): required detections held or missed, false trips
/// (a safe state the oracle forbids), limit breaches, phases entered that must not be, other failures (fault not
/// fired, hazard log, run errors); then every miss with its fault, phase, the expected alarm and what happened.
/// </summary>
public static class GeneratedCampaignReport
{
    public const string FileName = "generated-report.md";

    /// <summary>What one generated scenario came to.</summary>
    public enum Outcome
    {
        DetectionHeld,
        DetectionMissed,
        FalseTrip,
        LimitBreach,
        NeverEntersBroken,
        Tolerated,
        UndetectableWithinLimits,
        OtherFailure,
    }

    public sealed record Row(GeneratedScenario Generated, CampaignEntry Entry, IReadOnlyList<Outcome> Outcomes);

    public sealed record Summary(int Scenarios, int DetectionsRequired, int DetectionsHeld, int DetectionsMissed, int FalseTrips, int LimitBreaches, int NeverEntersBroken, int OtherFailures);

    public static IReadOnlyList<Row> Rows(IReadOnlyList<GeneratedScenario> generated, IReadOnlyList<CampaignEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(entries);
        var byName = entries.ToDictionary(e => e.Scenario.Name, StringComparer.Ordinal);
        return [.. generated.Where(g => byName.ContainsKey(g.Name)).Select(g => new Row(g, byName[g.Name], Judge(byName[g.Name])))];
    }

    /// <summary>The outcomes of one run: a detection is held when its alarm and, if required, its safe state both held.</summary>
    public static IReadOnlyList<Outcome> Judge(CampaignEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Result is not { } result)
        {
            return [Outcome.OtherFailure];
        }

        var outcomes = new List<Outcome>();
        bool? Passed(string name) => result.Outcomes.FirstOrDefault(o => o.Name == name)?.Passed;
        var expect = entry.Scenario.Expect;
        var detection = expect.Alarm is not null || expect.SafeState == SafeStateExpectation.Required;
        if (detection)
        {
            var held = Passed("alarm") != false && (expect.SafeState != SafeStateExpectation.Required || Passed("safe_state") == true);
            outcomes.Add(held ? Outcome.DetectionHeld : Outcome.DetectionMissed);
        }

        if (expect.SafeState == SafeStateExpectation.Forbidden && Passed("safe_state") == false)
        {
            outcomes.Add(Outcome.FalseTrip);
        }

        if (result.Outcomes.Any(o => o.Name.StartsWith("limits.", StringComparison.Ordinal) && !o.Passed))
        {
            outcomes.Add(Outcome.LimitBreach);
        }

        if (Passed("never_enters") == false)
        {
            outcomes.Add(Outcome.NeverEntersBroken);
        }

        if (result.Outcomes.Any(o => o.Name is "faults_injected" or "operator_script" or "hazard_log_intact" && !o.Passed))
        {
            outcomes.Add(Outcome.OtherFailure);
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(expect.SafeState == SafeStateExpectation.Forbidden ? Outcome.Tolerated : Outcome.UndetectableWithinLimits);
        }

        return outcomes;
    }

    public static Summary Summarize(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int Count(Outcome o) => rows.Count(r => r.Outcomes.Contains(o));
        return new Summary(rows.Count, Count(Outcome.DetectionHeld) + Count(Outcome.DetectionMissed), Count(Outcome.DetectionHeld), Count(Outcome.DetectionMissed),
            Count(Outcome.FalseTrip), Count(Outcome.LimitBreach), Count(Outcome.NeverEntersBroken), Count(Outcome.OtherFailure));
    }

    public static string Markdown(IReadOnlyList<Row> rows, string command, TimeSpan wall)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var s = Summarize(rows);
        var md = new StringBuilder();
        md.AppendLine(Invariant($"Command: `{command}`"));
        md.AppendLine();
        md.AppendLine(Invariant($"{s.Scenarios} generated scenarios, {wall.TotalMinutes:0.0} min wall. Expectations from `hil/HipecSafe.Hil/Oracle/detection-oracle.yaml` (requirements and hazard analysis, never the code's behaviour)."));
        md.AppendLine();
        md.AppendLine("| class | count |");
        md.AppendLine("|---|---|");
        md.AppendLine(Invariant($"| required detections (alarm and, where required, safe state in time) | {s.DetectionsRequired} |"));
        md.AppendLine(Invariant($"| — held | {s.DetectionsHeld} |"));
        md.AppendLine(Invariant($"| — missed | {s.DetectionsMissed} |"));
        md.AppendLine(Invariant($"| false trips (safe state where the oracle forbids one) | {s.FalseTrips} |"));
        md.AppendLine(Invariant($"| limit breaches (true temperature above a single-fault limit) | {s.LimitBreaches} |"));
        md.AppendLine(Invariant($"| phase entered that must not be (never_enters) | {s.NeverEntersBroken} |"));
        md.AppendLine(Invariant($"| other failures (fault not fired, hazard log, run error) | {s.OtherFailures} |"));
        md.AppendLine(Invariant($"| tolerated as required / undetectable within limits | {rows.Count(r => r.Outcomes.Contains(Outcome.Tolerated))} / {rows.Count(r => r.Outcomes.Contains(Outcome.UndetectableWithinLimits))} |"));
        md.AppendLine();
        md.AppendLine("## By oracle rule");
        md.AppendLine();
        md.AppendLine("| rule | class | cites | runs | held | missed | false trips | limit breaches | other |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var g in rows.GroupBy(r => r.Generated.Verdict.Rule.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = g.First().Generated.Verdict.Rule;
            int C(Outcome o) => g.Count(r => r.Outcomes.Contains(o));
            md.AppendLine(Invariant($"| {rule.Id} | {rule.Class.ToString().ToLowerInvariant()} | {string.Join(", ", rule.Cites)} | {g.Count()} | {C(Outcome.DetectionHeld)} | {C(Outcome.DetectionMissed)} | {C(Outcome.FalseTrip)} | {C(Outcome.LimitBreach)} | {C(Outcome.OtherFailure) + C(Outcome.NeverEntersBroken)} |"));
        }

        Section(md, "Missed detections", rows.Where(r => r.Outcomes.Contains(Outcome.DetectionMissed)), ["alarm", "safe_state"]);
        Section(md, "False trips", rows.Where(r => r.Outcomes.Contains(Outcome.FalseTrip)), ["safe_state"]);
        Section(md, "Limit breaches", rows.Where(r => r.Outcomes.Contains(Outcome.LimitBreach)), ["limits."]);
        Section(md, "Phases entered that must not be", rows.Where(r => r.Outcomes.Contains(Outcome.NeverEntersBroken)), ["never_enters"]);
        Section(md, "Other failures", rows.Where(r => r.Outcomes.Contains(Outcome.OtherFailure)), ["faults_injected", "operator_script", "hazard_log_intact"]);
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IEnumerable<Row> rows, string[] outcomeNames)
    {
        var list = rows.OrderBy(r => r.Generated.Verdict.Rule.Id, StringComparer.Ordinal).ThenBy(r => r.Generated.Name, StringComparer.Ordinal).ToList();
        md.AppendLine();
        md.AppendLine(Invariant($"## {title} ({list.Count})"));
        if (list.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("| scenario | rule | fault, phase | expected | what happened |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in list)
        {
            var expect = r.Entry.Scenario.Expect;
            var expected = new List<string>();
            if (expect.Alarm is { } a)
            {
                expected.Add(a.Describe());
            }

            if (expect.SafeState != SafeStateExpectation.Any)
            {
                expected.Add("safe state " + expect.SafeState.ToString().ToLowerInvariant() + (expect.Within is { } w ? " within " + Core.Quantities.DurationText.Format(w) : ""));
            }

            if (expect.NeverEnters is { Count: > 0 } never)
            {
                expected.Add("never enters " + string.Join(", ", never));
            }

            var happened = r.Entry.Result is { } result
                ? string.Join("; ", result.Outcomes.Where(o => !o.Passed && outcomeNames.Any(n => o.Name.StartsWith(n, StringComparison.Ordinal))).Select(o => $"{o.Name}: {o.Measured}"))
                : "run error: " + r.Entry.Error;
            md.AppendLine(Invariant($"| {r.Generated.Name} | {r.Generated.Verdict.Rule.Id} | {Cell(r.Generated.FaultText)} | {Cell(string.Join("; ", expected))} | {Cell(happened)} |"));
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace(Environment.NewLine, " ", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
